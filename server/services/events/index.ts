import type { BookingPatch } from '../../../shared/schemas/bookings';
import type {
  EventAvailability,
  EventAvailabilityInput,
  EventInput,
  EventPatch,
  EventView,
  Recurrence,
} from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import type { Interval } from '../../domain/bookings/alternatives';
import { AppError, conflict, forbidden, invalid } from '../../domain/errors';
import { looksLikeHtml } from '../../domain/events/description';
import { expandRecurrence } from '../../domain/events/recurrence';
import type { OwnBooking } from '../../ports/bookings';
import type { MeetingBody, MeetingRecurrence } from '../../ports/meetingWriter';
import { bookableRoom, requireWriter } from '../bookings/checks';
import { refOf } from '../bookings/create';
import { ensureKnownInternal, knownAddresses, splitAttendees } from './attendees';
import { checkAvailability, presentAvailability } from './availability';
import { presentLive, presentStored } from './present';
import type { EventServiceDeps } from './types';

export type { EventServiceDeps } from './types';

/**
 * Event management (issue 17): a booking with attendees from the directory, a description, a link,
 * a private flag and a recurrence, organised from the employee's own mailbox. The room's attendant
 * decides as for any booking (services/bookings); the organizer's copy in Exchange is the source of
 * what the event view shows.
 */
export interface EventService {
  mode(): Promise<{ mode: 'simple' | 'events' }>;
  availability(actor: Actor, input: EventAvailabilityInput): Promise<EventAvailability>;
  create(actor: Actor, input: EventInput): Promise<EventView>;
  get(actor: Actor, eventId: string): Promise<EventView>;
  change(actor: Actor, eventId: string, patch: EventPatch, scope: Scope): Promise<EventView>;
  cancel(actor: Actor, eventId: string, scope: Scope): Promise<void>;
}

type Scope = 'occurrence' | 'series';

const DAY_MS = 86_400_000;

function toMeetingRecurrence(r: Recurrence): MeetingRecurrence {
  return {
    pattern: r.pattern,
    interval: r.interval,
    daysOfWeek: r.daysOfWeek ?? [],
    endDate: r.endDate ?? null,
    count: r.count ?? null,
  };
}

export function createEventService(deps: EventServiceDeps): EventService {
  const known = knownAddresses(() => deps.clock.now().getTime());

  async function requireEventsMode(actor: Actor): Promise<void> {
    if (actor.role === 'external') throw forbidden('Events are for employees.');
    const settings = await deps.bookings.settings();
    if (settings.mode !== 'events')
      throw forbidden('Event management is switched off for this installation (booking mode: simple).');
  }

  /** The occurrences of the request, refused (400) past 500 or beyond the room's booking window. */
  function occurrencesOf(
    slot: Interval,
    recurrence: Recurrence | undefined,
    room: { timeZone: string; rules: { bookingWindowDays: number } },
  ): Interval[] {
    if (slot.start >= slot.end) throw invalid('The start must be before the end.');
    if (!recurrence) return [slot];
    const expanded = expandRecurrence(recurrence, slot.start, slot.end, room.timeZone);
    if (!expanded.ok)
      throw invalid(
        expanded.problem.kind === 'too-many'
          ? `The recurrence has more than ${expanded.problem.limit} occurrences.`
          : 'The recurrence has no occurrence.',
        { recurrence: expanded.problem.kind },
      );
    const horizon = deps.clock.now().getTime() + room.rules.bookingWindowDays * DAY_MS;
    const last = expanded.occurrences[expanded.occurrences.length - 1];
    if (last && last.start.getTime() > horizon)
      throw invalid(
        `The recurrence runs past the room's booking window (${room.rules.bookingWindowDays} days ahead); its last occurrence is ${last.start.toISOString()}.`,
        { recurrence: 'beyond-booking-window' },
      );
    return expanded.occurrences;
  }

  async function bodyOf(description: string, onlineMeetingUrl: string | null): Promise<MeetingBody> {
    const isHtml = looksLikeHtml(description);
    return {
      description: isHtml ? await deps.sanitizer.sanitize(description) : description.trim(),
      isHtml,
      onlineMeetingUrl,
    };
  }

  async function view(actor: Actor, booking: OwnBooking): Promise<EventView> {
    const storedIsHtml = looksLikeHtml(booking.description);
    const writer = await deps.writer();
    if (!writer) return presentStored(booking, storedIsHtml);
    try {
      const details = await writer.readDetails(refOf(booking));
      if (!details) return presentStored(booking, storedIsHtml);
      const description = details.body.isHtml
        ? await deps.sanitizer.sanitize(details.body.description)
        : details.body.description;
      const rooms = await deps.bookings.connectedRooms();
      const named = new Set(details.attendees.filter((a) => a.kind === 'resource').map((a) => a.email));
      const room = rooms.find((r) => r.exchangeEmail !== null && named.has(r.exchangeEmail.toLowerCase())) ?? null;
      return presentLive(booking, details, description, room);
    } catch (err) {
      deps.log.warn({ err, bookingId: booking.id }, 'event shown as stored: the organizer’s copy could not be read');
      return presentStored(booking, storedIsHtml);
    }
  }

  /** The body after a change of the description or the link; the other half as the organizer's copy holds it now (Outlook may have edited it). */
  async function changedBody(booking: OwnBooking, patch: EventPatch): Promise<MeetingBody> {
    let current = { description: booking.description, onlineMeetingUrl: booking.onlineMeetingUrl };
    if (patch.description === undefined || patch.onlineMeetingUrl === undefined) {
      const writer = await requireWriter(deps);
      const details = await writer.readDetails(refOf(booking)).catch(() => null);
      if (details) current = { description: details.body.description, onlineMeetingUrl: details.body.onlineMeetingUrl };
    }
    return bodyOf(
      patch.description ?? current.description,
      patch.onlineMeetingUrl === undefined ? current.onlineMeetingUrl : patch.onlineMeetingUrl,
    );
  }

  function onlyWholeSeries(booking: OwnBooking, scope: Scope): void {
    if (scope === 'occurrence' && booking.recurrence)
      throw new AppError(
        'unprocessable',
        'Changing or cancelling one occurrence of a series is not available in Roomserve yet; use scope=series or Outlook.',
      );
  }

  return {
    async mode() {
      return { mode: (await deps.bookings.settings()).mode };
    },

    async availability(actor, input) {
      await requireEventsMode(actor);
      const room = await bookableRoom(deps, input.roomId);
      const occurrences = occurrencesOf(
        { start: new Date(input.start), end: new Date(input.end) },
        input.recurrence,
        room,
      );
      const people = splitAttendees(actor, input.attendees);
      const writer = await requireWriter(deps);
      const checks = await checkAvailability(deps, writer, {
        actor,
        room,
        occurrences,
        attendees: [...people.required, ...people.optional],
      });
      return presentAvailability(checks);
    },

    async create(actor, input) {
      await requireEventsMode(actor);
      const room = await bookableRoom(deps, input.roomId);
      const occurrences = occurrencesOf(
        { start: new Date(input.start), end: new Date(input.end) },
        input.recurrence,
        room,
      );
      const people = splitAttendees(actor, input.attendees);
      await ensureKnownInternal(deps, known, actor, room.exchangeEmail, [...people.required, ...people.optional]);
      // A single meeting's slot is checked by the booking itself (409 with alternatives); a series' every occurrence here.
      const writer = await requireWriter(deps);
      const checks = input.recurrence
        ? await checkAvailability(deps, writer, { actor, room, occurrences, attendees: [] })
        : [];
      const taken = checks.filter((c) => c.roomBusy);
      if (taken.length > 0)
        throw conflict(
          taken.length === 1
            ? 'The room is already booked on one occurrence.'
            : `The room is already booked on ${taken.length} occurrences.`,
          {
            conflicts: taken.map((c) => ({
              start: c.occurrence.start.toISOString(),
              end: c.occurrence.end.toISOString(),
            })),
            alternatives: taken[0]?.alternatives ?? [],
          },
        );
      const first = occurrences[0] ?? { start: new Date(input.start), end: new Date(input.end) };
      const body = await bodyOf(input.description, input.onlineMeetingUrl);
      const booking = await deps.bookingService.createWithExtras(
        actor,
        {
          roomId: room.id,
          start: first.start.toISOString(),
          end: first.end.toISOString(),
          subject: input.title,
          attendees: people.required,
          description: body.description,
          private: input.private,
          onlineMeetingUrl: input.onlineMeetingUrl,
        },
        {
          optionalAttendees: people.optional,
          descriptionIsHtml: body.isHtml,
          recurrence: input.recurrence ?? null,
          meetingRecurrence: input.recurrence ? toMeetingRecurrence(input.recurrence) : null,
        },
      );
      return presentStored(booking, body.isHtml);
    },

    async get(actor, eventId) {
      await requireEventsMode(actor);
      return view(actor, await deps.bookingService.owned(actor, eventId));
    },

    async change(actor, eventId, patch, scope) {
      await requireEventsMode(actor);
      const booking = await deps.bookingService.owned(actor, eventId);
      onlyWholeSeries(booking, scope);
      if (booking.recurrence && (patch.start !== undefined || patch.roomId !== undefined))
        throw new AppError(
          'unprocessable',
          'Moving a whole series to another time or room is not available in Roomserve yet; change it in Outlook.',
        );
      const room = await bookableRoom(deps, patch.roomId ?? booking.roomId);
      const bookingPatch: BookingPatch = {
        ...(patch.roomId === undefined ? {} : { roomId: patch.roomId }),
        ...(patch.start === undefined ? {} : { start: patch.start }),
        ...(patch.end === undefined ? {} : { end: patch.end }),
        ...(patch.title === undefined ? {} : { subject: patch.title }),
      };
      let optionalAttendees: string[] | undefined;
      if (patch.attendees !== undefined) {
        const people = splitAttendees(actor, patch.attendees);
        const before = new Set(booking.attendees.map((e) => e.toLowerCase()));
        const added = [...people.required, ...people.optional].filter((e) => !before.has(e));
        await ensureKnownInternal(deps, known, actor, room.exchangeEmail, added);
        bookingPatch.attendees = people.required;
        optionalAttendees = people.optional;
      }
      const body =
        patch.description !== undefined || patch.onlineMeetingUrl !== undefined
          ? await changedBody(booking, patch)
          : undefined;
      const changed = await deps.bookingService.changeWithDetails(actor, eventId, bookingPatch, {
        ...(optionalAttendees === undefined ? {} : { optionalAttendees }),
        ...(body === undefined ? {} : { body }),
        ...(patch.private === undefined ? {} : { isPrivate: patch.private }),
      });
      return view(actor, changed);
    },

    async cancel(actor, eventId, scope) {
      await requireEventsMode(actor);
      const booking = await deps.bookingService.owned(actor, eventId);
      onlyWholeSeries(booking, scope);
      await deps.bookingService.cancelBooking(actor, eventId);
    },
  };
}
