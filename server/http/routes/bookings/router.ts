/**
 * Bookings made in Roomserve: book, follow (long poll), list mine, change, cancel; the admin's
 * booking switches and a room's booking rules.
 */
import { Router } from 'express';
import { bookingsEndpoints as endpoints } from '../../../../shared/api/bookings';
import type { BookingService } from '../../../services/bookings';
import { mount, requireActor } from '../../route';

export function bookingsRouter({ bookings }: { readonly bookings: BookingService }): Router {
  const router = Router();

  mount(router, endpoints.createBooking, ({ body, res }) => bookings.createBooking(requireActor(res), body));
  mount(router, endpoints.listMyBookings, ({ res }) => bookings.listMine(requireActor(res)));
  mount(router, endpoints.getBooking, ({ params, query, res }) =>
    bookings.getBooking(requireActor(res), params.id, query.wait),
  );
  mount(router, endpoints.changeBooking, ({ params, body, res }) =>
    bookings.changeBooking(requireActor(res), params.id, body),
  );
  mount(router, endpoints.cancelBooking, ({ params, res }) => bookings.cancelBooking(requireActor(res), params.id));
  mount(router, endpoints.getBookingSettings, () => bookings.getSettings());
  mount(router, endpoints.saveBookingSettings, ({ body }) => bookings.saveSettings(body));
  mount(router, endpoints.getRoomBookingRules, ({ params }) => bookings.roomRules(params.id));
  mount(router, endpoints.saveRoomBookingRules, ({ params, body }) => bookings.saveRoomRules(params.id, body));

  return router;
}
