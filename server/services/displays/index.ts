export { createDisplayActionsService, type DisplayActionsService } from './actions';
export { createDisplayPairingService, type DisplayPairingService, type CreatedDisplay } from './pairing';
export { createDisplaySettingsService, type DisplaySettingsService } from './settings';
export { createDisplayStateService, type DisplayStateService } from './state';
export { createDisplayLiveService, type DisplayLiveService, type DisplaySink } from './live';
export { createDisplayPinService, type DisplayPinService } from './pin';
