import { idParamsSchema } from '../schemas/common';
import {
  bookNowSchema,
  displayActionResultSchema,
  displayActionSchema,
  displayCreatedSchema,
  displayCreateSchema,
  displayListSchema,
  displayPinSchema,
  displaySettingsSchema,
  displayStateSchema,
  extendSchema,
  pairRequestSchema,
  pairResponseSchema,
  roomDisplaySettingsSchema,
} from '../schemas/displays';
import { endpoint } from './endpoint';

const ADMIN_TAG = 'Displays (admin)';
const DEVICE_TAG = 'Display device';

/** Admin management of room displays, pairing, and what a paired display may call with its device token. */
export const displaysEndpoints = {
  createDisplay: endpoint({
    method: 'post',
    path: '/admin/displays',
    tag: ADMIN_TAG,
    summary:
      'Add a display for a room: answers a one-time pairing code (valid 15 minutes) and the pairing URL to open on the tablet.',
    access: 'admin',
    body: displayCreateSchema,
    response: displayCreatedSchema,
    successStatus: 201,
  }),
  listDisplays: endpoint({
    method: 'get',
    path: '/admin/displays',
    tag: ADMIN_TAG,
    summary: 'Every display that is not revoked: its room, paired or awaiting pairing, last seen, online, app version.',
    access: 'admin',
    response: displayListSchema,
  }),
  revokeDisplay: endpoint({
    method: 'delete',
    path: '/admin/displays/:id',
    tag: ADMIN_TAG,
    summary: 'Revoke a display: its pairing code and device token stop working at once (401).',
    access: 'admin',
    params: idParamsSchema,
    successStatus: 204,
  }),
  setDisplayPin: endpoint({
    method: 'put',
    path: '/admin/displays/:id/pin',
    tag: ADMIN_TAG,
    summary:
      "Set (4–8 digits) or remove (null) a display's PIN. Stored hashed and never shown; actions on the display then " +
      'need it in the X-Display-Pin header.',
    access: 'admin',
    params: idParamsSchema,
    body: displayPinSchema,
    successStatus: 204,
  }),
  getDisplaySettings: endpoint({
    method: 'get',
    path: '/admin/display-settings',
    tag: ADMIN_TAG,
    summary: 'What displays show (subjects, organizer names) and the check-in rules, installation-wide.',
    access: 'admin',
    response: displaySettingsSchema,
  }),
  saveDisplaySettings: endpoint({
    method: 'put',
    path: '/admin/display-settings',
    tag: ADMIN_TAG,
    summary: 'Replace the installation-wide display settings.',
    access: 'admin',
    body: displaySettingsSchema,
    response: displaySettingsSchema,
  }),
  getRoomDisplaySettings: endpoint({
    method: 'get',
    path: '/admin/display-settings/rooms/:id',
    tag: ADMIN_TAG,
    summary: "A room's own display settings; null follows the installation's.",
    access: 'admin',
    params: idParamsSchema,
    response: roomDisplaySettingsSchema,
  }),
  saveRoomDisplaySettings: endpoint({
    method: 'put',
    path: '/admin/display-settings/rooms/:id',
    tag: ADMIN_TAG,
    summary: "Replace a room's display settings; null follows the installation's.",
    access: 'admin',
    params: idParamsSchema,
    body: roomDisplaySettingsSchema,
    response: roomDisplaySettingsSchema,
  }),
  pair: endpoint({
    method: 'post',
    path: '/display/pair',
    tag: DEVICE_TAG,
    summary:
      'Pair a tablet with its code: answers the device token (shown once) and the room. A wrong, expired or used code ' +
      'answers 422; five wrong codes from one address in a minute answer 429.',
    access: 'public',
    body: pairRequestSchema,
    response: pairResponseSchema,
  }),
  state: endpoint({
    method: 'get',
    path: '/display/state',
    tag: DEVICE_TAG,
    summary:
      "The display's room now: state word, current meeting (per the privacy settings), next meetings, today's timeline, " +
      'and when busy the nearest rooms free for the next 30 minutes.',
    access: 'display',
    response: displayStateSchema,
  }),
  events: endpoint({
    method: 'get',
    path: '/display/events',
    tag: DEVICE_TAG,
    summary:
      "Server-sent events of the display's room: `state` (data: the DisplayState) at connect and within a second of " +
      'every change of its bookings, check-ins or settings, and a `: keepalive` comment every 25 s. Ends when the ' +
      'display is revoked (the next request answers 401). Read it with fetch streaming (the bearer token goes in the ' +
      'Authorization header); poll GET /api/display/state every 60 s while it fails.',
    access: 'display',
    eventStream: true,
  }),
  checkIn: endpoint({
    method: 'post',
    path: '/display/check-in',
    tag: DEVICE_TAG,
    summary: 'Check in to the current meeting; 409 outside the check-in window, with the window in words.',
    access: 'display',
    body: displayActionSchema,
    response: displayActionResultSchema,
  }),
  bookNow: endpoint({
    method: 'post',
    path: '/display/book-now',
    tag: DEVICE_TAG,
    summary:
      'Book the room from now for 15, 30 or 60 minutes or until the next meeting (or closing time), as a meeting request ' +
      'from the booking mailbox that the room’s attendant judges: `pending` until it answers (waits a few seconds), then ' +
      '`confirmed`. 409 on a conflict, with `nextFreeAt` and `nearestFree` in the details. A repeated requestId books once.',
    access: 'display',
    body: bookNowSchema,
    response: displayActionResultSchema,
  }),
  end: endpoint({
    method: 'post',
    path: '/display/end',
    tag: DEVICE_TAG,
    summary:
      'End the meeting under way now; the room becomes free in Exchange. A meeting Roomserve’s booking mailbox ' +
      'organizes is shortened on the organizer’s item; any other meeting is declined by the room (its copy only).',
    access: 'display',
    body: displayActionSchema,
    response: displayActionResultSchema,
  }),
  extend: endpoint({
    method: 'post',
    path: '/display/extend',
    tag: DEVICE_TAG,
    summary:
      'Extend the meeting under way by 15 or 30 minutes; 409 when the room is not free then. A meeting Roomserve’s ' +
      'booking mailbox organizes ends later; for any other meeting the booking mailbox books the room on from its end.',
    access: 'display',
    body: extendSchema,
    response: displayActionResultSchema,
  }),
};

/** The actions that write to Exchange, published in `displaysEndpoints` (kept by this name for callers). */
export const displayActionEndpoints = {
  bookNow: displaysEndpoints.bookNow,
  end: displaysEndpoints.end,
  extend: displaysEndpoints.extend,
};
