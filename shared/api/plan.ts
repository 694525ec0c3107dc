import { idParamsSchema } from '../schemas/common';
import { floorOccupancyQuerySchema, floorOccupancySchema, privacySettingsSchema } from '../schemas/plan';
import { endpoint } from './endpoint';

const TAG = 'Live plan';

/** The live office plan (issue 15): who has each room of a floor, now or at any time this week. */
export const planEndpoints = {
  floorOccupancy: endpoint({
    method: 'get',
    path: '/floors/:id/occupancy',
    tag: TAG,
    summary:
      'Every room of the floor with its state at `at` (default now), the meeting holding it and the next ones, ' +
      'redacted per the privacy settings and the reader’s role. `at` must lie between the start of today (in the ' +
      'building’s zone) and 7 days later, else 400 with the horizon in words; an unknown floor answers 404.',
    access: 'signed-in',
    params: idParamsSchema,
    query: floorOccupancyQuerySchema,
    response: floorOccupancySchema,
  }),
  floorOccupancyEvents: endpoint({
    method: 'get',
    path: '/floors/:id/occupancy/events',
    tag: TAG,
    summary:
      'Server-sent events for an open plan: `changed` (data: {roomIds}) within a second of a change to the bookings, ' +
      'check-ins or releases of rooms on the floor (an empty list: every room), then GET the occupancy again; a ' +
      '`: keepalive` comment every 25 s. One connection per browser tab.',
    access: 'signed-in',
    params: idParamsSchema,
    eventStream: true,
  }),
  getPrivacySettings: endpoint({
    method: 'get',
    path: '/admin/privacy-settings',
    tag: TAG,
    summary: 'Who sees organizer names (everyone signed in, employees only, nobody) and subjects (never, non-private).',
    access: 'admin',
    response: privacySettingsSchema,
  }),
  savePrivacySettings: endpoint({
    method: 'put',
    path: '/admin/privacy-settings',
    tag: TAG,
    summary: 'Replace the installation’s privacy settings; they apply at once to the plan and every room timeline.',
    access: 'admin',
    body: privacySettingsSchema,
    response: privacySettingsSchema,
  }),
};
