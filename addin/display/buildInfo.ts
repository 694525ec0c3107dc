/**
 * The build id webpack bakes in (DefinePlugin); the same id is written to /display/version.json,
 * so a display running an older build sees another id there and reloads.
 */
declare const __DISPLAY_BUILD_ID__: string | undefined;

export const BUILD_ID: string = typeof __DISPLAY_BUILD_ID__ === 'string' ? __DISPLAY_BUILD_ID__ : 'dev';
