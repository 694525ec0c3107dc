/**
 * Bookings made in Roomserve: book, follow (long poll), list mine, change, cancel; the admin's
 * booking switches and a room's booking rules.
 */
import { bookingsEndpoints as endpoints } from '../../../../shared/api/bookings';
import type { BookingService } from '../../../services/bookings';
import { featureRoutes, type FeatureRoutes } from '../../featureRoutes';
import { mount, requireActor } from '../../route';

export function bookingsRouter({ bookings }: { readonly bookings: BookingService }): FeatureRoutes {
  const routes = featureRoutes('/bookings', '/admin/booking-settings', '/rooms');

  mount(routes, endpoints.createBooking, ({ body, res }) => bookings.createBooking(requireActor(res), body));
  mount(routes, endpoints.listMyBookings, ({ res }) => bookings.listMine(requireActor(res)));
  mount(routes, endpoints.getBooking, ({ params, query, res }) =>
    bookings.getBooking(requireActor(res), params.id, query.wait),
  );
  mount(routes, endpoints.changeBooking, ({ params, body, res }) =>
    bookings.changeBooking(requireActor(res), params.id, body),
  );
  mount(routes, endpoints.cancelBooking, ({ params, res }) => bookings.cancelBooking(requireActor(res), params.id));
  mount(routes, endpoints.getBookingSettings, () => bookings.getSettings());
  mount(routes, endpoints.saveBookingSettings, ({ body }) => bookings.saveSettings(body));
  mount(routes, endpoints.getRoomBookingRules, ({ params }) => bookings.roomRules(params.id));
  mount(routes, endpoints.saveRoomBookingRules, ({ params, body }) => bookings.saveRoomRules(params.id, body));

  return routes;
}
