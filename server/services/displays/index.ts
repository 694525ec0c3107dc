export { createDisplayActionsService, type DisplayActionsService } from './actions';
export { createDisplayPairingService, type DisplayPairingService, type CreatedDisplay } from './pairing';
export { createDisplaySettingsService, type DisplaySettingsService } from './settings';
export { createDisplayStateService, type DisplayStateService } from './state';
