import { z } from 'zod';
import {
  bookingInputSchema,
  bookingPatchSchema,
  bookingSchema,
  bookingSettingsInputSchema,
  bookingSettingsSchema,
  bookingWaitQuerySchema,
  myBookingSchema,
  roomBookingRulesInputSchema,
  roomBookingRulesSchema,
} from '../schemas/bookings';
import { idParamsSchema } from '../schemas/common';
import { endpoint } from './endpoint';

const TAG = 'Bookings';

export const bookingsEndpoints = {
  createBooking: endpoint({
    method: 'post',
    path: '/bookings',
    tag: TAG,
    summary:
      'Book a room: checked against our bookings and Exchange free/busy, then sent to the room as a meeting request. ' +
      'Answers 201 with the booking `pending` until the room accepts or declines (follow it with GET ?wait=10). ' +
      '409 when taken: error.details is a BookingConflict (conflicting times, up to 3 alternatives). 503 when Exchange is unreachable.',
    access: 'signed-in',
    body: bookingInputSchema,
    response: bookingSchema,
    successStatus: 201,
  }),
  listMyBookings: endpoint({
    method: 'get',
    path: '/bookings',
    tag: TAG,
    summary:
      'My upcoming bookings made in Roomserve (and those just declined), soonest first, with their status ' +
      'and, for those planned as events, the event to open (eventId) while the installation is in events mode',
    access: 'signed-in',
    response: z.array(myBookingSchema),
  }),
  getBooking: endpoint({
    method: 'get',
    path: '/bookings/:id',
    tag: TAG,
    summary: 'One of my bookings; with ?wait=N (seconds, ≤ 30) waits while it is pending (long poll)',
    access: 'signed-in',
    params: idParamsSchema,
    query: bookingWaitQuerySchema,
    response: bookingSchema,
  }),
  changeBooking: endpoint({
    method: 'patch',
    path: '/bookings/:id',
    tag: TAG,
    summary:
      'Move, change the room, subject or attendees, on the organizer’s item in Exchange (updates are sent). ' +
      'Waits for the room’s answer; when it declines, 409 and the booking keeps its earlier time and room.',
    access: 'signed-in',
    params: idParamsSchema,
    body: bookingPatchSchema,
    response: bookingSchema,
  }),
  cancelBooking: endpoint({
    method: 'delete',
    path: '/bookings/:id',
    tag: TAG,
    summary: 'Cancel the meeting in Exchange (cancellations are sent) and the booking',
    access: 'signed-in',
    params: idParamsSchema,
  }),
  getBookingSettings: endpoint({
    method: 'get',
    path: '/admin/booking-settings',
    tag: TAG,
    summary: 'Installation-wide booking switches: read-only mode and the booking mailbox',
    access: 'admin',
    response: bookingSettingsSchema,
  }),
  saveBookingSettings: endpoint({
    method: 'put',
    path: '/admin/booking-settings',
    tag: TAG,
    summary: 'Save the read-only switch and the booking mailbox (null: the service account’s own mailbox)',
    access: 'admin',
    body: bookingSettingsInputSchema,
    response: bookingSettingsSchema,
  }),
  getRoomBookingRules: endpoint({
    method: 'get',
    path: '/rooms/:id/booking-rules',
    tag: TAG,
    summary: 'A room’s booking rules: longest booking, how far ahead, minimum notice, read-only',
    access: 'signed-in',
    params: idParamsSchema,
    response: roomBookingRulesSchema,
  }),
  saveRoomBookingRules: endpoint({
    method: 'put',
    path: '/rooms/:id/booking-rules',
    tag: TAG,
    summary: 'Set a room’s booking rules',
    access: 'admin',
    params: idParamsSchema,
    body: roomBookingRulesInputSchema,
    response: roomBookingRulesSchema,
  }),
};
