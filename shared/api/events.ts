import { z } from 'zod';
import { bookingModeSchema } from '../schemas/bookings';
import { idParamsSchema } from '../schemas/common';
import {
  directoryPeopleSchema,
  directoryQuerySchema,
  eventAvailabilityInputSchema,
  eventAvailabilitySchema,
  eventInputSchema,
  eventPatchSchema,
  eventSchema,
  eventScopeQuerySchema,
  favouriteRoomsSchema,
} from '../schemas/events';
import { endpoint } from './endpoint';

const TAG = 'Events';

export const eventsEndpoints = {
  getBookingMode: endpoint({
    method: 'get',
    path: '/booking-mode',
    tag: TAG,
    summary: 'The installation’s booking mode: simple (room, time, subject) or events (event management)',
    access: 'signed-in',
    response: z.object({ mode: bookingModeSchema }).meta({ id: 'BookingModeView' }),
  }),
  searchPeople: endpoint({
    method: 'get',
    path: '/directory/people',
    tag: TAG,
    summary:
      'Search Exchange’s directory for attendees (ResolveNames on Exchange 2010, FindPeople on 2013 and later), ' +
      'through the one Exchange connection; answers are cached briefly and each user has one request at Exchange at a time.',
    access: 'signed-in',
    query: directoryQuerySchema,
    response: directoryPeopleSchema,
  }),
  checkEventAvailability: endpoint({
    method: 'post',
    path: '/events/availability',
    tag: TAG,
    summary:
      'Before sending: Exchange free/busy of the room and every attendee for each occurrence; the conflicts, with ' +
      'alternatives for the room (another room, or the nearest free time). Sends nothing.',
    access: 'signed-in',
    body: eventAvailabilityInputSchema,
    response: eventAvailabilitySchema,
  }),
  createEvent: endpoint({
    method: 'post',
    path: '/events',
    tag: TAG,
    summary:
      'Create an event (event management mode, employees): a meeting request from your own mailbox to the room and ' +
      'every attendee. 201 with the event pending until the room answers; 409 with a BookingConflict when the room is ' +
      'taken on an occurrence; 422 naming an unknown internal attendee; 400 for more than 500 attendees or occurrences, ' +
      'a link that is not http(s), or a recurrence past the booking window.',
    access: 'signed-in',
    body: eventInputSchema,
    response: eventSchema,
    successStatus: 201,
  }),
  getEvent: endpoint({
    method: 'get',
    path: '/events/:id',
    tag: TAG,
    summary:
      'One of your events as the organizer’s copy in Exchange holds it: Outlook-side changes of attendees, ' +
      'description, time and room, and each attendee’s response.',
    access: 'signed-in',
    params: idParamsSchema,
    response: eventSchema,
  }),
  changeEvent: endpoint({
    method: 'patch',
    path: '/events/:id',
    tag: TAG,
    summary:
      'Change the title, attendees, description, link, private flag, time or room, from the organizer’s mailbox: ' +
      'added attendees are invited, removed ones get a cancellation. A room that declines is reported (409) and the ' +
      'earlier time and room are kept. On a series, scope=occurrence&occurrence=<original start> changes that ' +
      'occurrence alone (an exception in Exchange; its link stays the series’); a new start or room with ' +
      'scope=series moves every occurrence by as much (weekly days and the end date with it). 404 for an ' +
      'occurrence the series does not have (any more).',
    access: 'signed-in',
    params: idParamsSchema,
    query: eventScopeQuerySchema,
    body: eventPatchSchema,
    response: eventSchema,
  }),
  cancelEvent: endpoint({
    method: 'delete',
    path: '/events/:id',
    tag: TAG,
    summary:
      'Cancel the event in Exchange: every attendee and the room get a cancellation. On a series, ' +
      'scope=occurrence&occurrence=<original start> cancels that occurrence alone.',
    access: 'signed-in',
    params: idParamsSchema,
    query: eventScopeQuerySchema,
  }),
  listFavouriteRooms: endpoint({
    method: 'get',
    path: '/favourites/rooms',
    tag: TAG,
    summary: 'The rooms I starred, in the order I starred them',
    access: 'signed-in',
    response: favouriteRoomsSchema,
  }),
  addFavouriteRoom: endpoint({
    method: 'put',
    path: '/favourites/rooms/:id',
    tag: TAG,
    summary: 'Star a room (starring twice is one star)',
    access: 'signed-in',
    params: idParamsSchema,
    response: favouriteRoomsSchema,
  }),
  removeFavouriteRoom: endpoint({
    method: 'delete',
    path: '/favourites/rooms/:id',
    tag: TAG,
    summary: 'Unstar a room',
    access: 'signed-in',
    params: idParamsSchema,
    response: favouriteRoomsSchema,
  }),
};
