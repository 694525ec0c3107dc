export { createFloorOccupancyService, type FloorOccupancyService } from './occupancy';
export { createPlanLiveService, type PlanLiveService } from './live';
export { createPrivacySettingsService, type PrivacySettingsService } from './privacy';
