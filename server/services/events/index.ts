import type { BookingPatch } from '../../../shared/schemas/bookings';
import type {
  EventAvailability,
  EventAvailabilityInput,
  EventInput,
  EventPatch,
  EventScopeQuery,
  EventView,
  Recurrence,
} from '../../../shared/schemas/events';
import type { Actor } from '../../domain/actor';
import type { Interval } from '../../domain/bookings/alternatives';
import { AppError, conflict, forbidden, invalid } from '../../domain/errors';
import { looksLikeHtml } from '../../domain/events/description';
import { expandRecurrence } from '../../domain/events/recurrence';
import type { OwnBooking } from '../../ports/bookings';
import type { MeetingBody, MeetingChange, MeetingRecurrence, MeetingRef } from '../../ports/meetingWriter';
import { bookableRoom, requireWriter } from '../bookings/checks';
import { refOf } from '../bookings/create';
import { ensureKnownInternal, knownAddresses, splitAttendees } from './attendees';
import { checkAvailability, presentAvailability, roomTaken } from './availability';
import { presentLive, presentStored } from './present';
import { seriesChanges } from './series';
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
  /** scope=occurrence on a series changes the occurrence `occurrence` (its original start) alone; its view is answered. */
  change(actor: Actor, eventId: string, patch: EventPatch, scope: EventScopeQuery): Promise<EventView>;
  cancel(actor: Actor, eventId: string, scope: EventScopeQuery): Promise<void>;
}

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
  const series = seriesChanges(deps);

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

  /** The event (or, with `ref`, one occurrence of it) as the organizer's copy holds it. */
  async function view(booking: OwnBooking, ref: MeetingRef = refOf(booking)): Promise<EventView> {
    const storedIsHtml = looksLikeHtml(booking.description);
    const writer = await deps.writer();
    if (!writer) return presentStored(booking, storedIsHtml);
    try {
      const details = await writer.readDetails(ref);
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

  /** The series and the occurrence a scope=occurrence request names; null for the whole event. */
  function occurrenceOf(booking: OwnBooking, scope: EventScopeQuery): { recurrence: Recurrence; at: Date } | null {
    if (scope.scope !== 'occurrence' || !booking.recurrence) return null;
    if (scope.occurrence === undefined)
      throw invalid('Name the occurrence of the series by its original start (occurrence=…).', {
        occurrence: 'required',
      });
    return { recurrence: booking.recurrence, at: new Date(scope.occurrence) };
  }

  /** The attendees of a change: the added ones must be known (internal) addresses. */
  async function attendeeChange(
    actor: Actor,
    booking: OwnBooking,
    roomEmail: string,
    patch: EventPatch,
  ): Promise<{ required: string[]; optional: string[] } | undefined> {
    if (patch.attendees === undefined) return undefined;
    const people = splitAttendees(actor, patch.attendees);
    const before = new Set(booking.attendees.map((e) => e.toLowerCase()));
    const added = [...people.required, ...people.optional].filter((e) => !before.has(e));
    await ensureKnownInternal(deps, known, actor, roomEmail, added);
    return people;
  }

  /** One occurrence: an exception in Exchange (its own time, room, attendees, title, body, private flag). */
  async function changeOccurrence(
    actor: Actor,
    booking: OwnBooking,
    target: { recurrence: Recurrence; at: Date },
    patch: EventPatch,
  ): Promise<EventView> {
    if (patch.onlineMeetingUrl !== undefined)
      throw new AppError(
        'unprocessable',
        'The online-meeting link belongs to the whole series; change it with scope=series.',
      );
    if (booking.status !== 'confirmed')
      throw conflict(`Only confirmed events can be changed; this one is ${booking.status}.`);
    const room = await bookableRoom(deps, patch.roomId ?? booking.roomId);
    const people = await attendeeChange(actor, booking, room.exchangeEmail, patch);
    const details: MeetingChange = {
      ...(patch.title === undefined ? {} : { subject: patch.title }),
      ...(people === undefined ? {} : { attendees: people.required, optionalAttendees: people.optional }),
      ...(patch.description === undefined ? {} : { body: await changedBody(booking, patch) }),
      ...(patch.private === undefined ? {} : { isPrivate: patch.private }),
    };
    const ref = await series.changeOccurrence(actor, booking, target.recurrence, target.at, {
      details,
      ...(patch.start === undefined || patch.end === undefined
        ? {}
        : { slot: { start: new Date(patch.start), end: new Date(patch.end) } }),
      ...(patch.roomId === undefined ? {} : { roomId: patch.roomId }),
    });
    return view(booking, ref);
  }

  /** The whole series to another time or room (judged by the room), then the other details the booking way. */
  async function moveSeries(
    actor: Actor,
    booking: OwnBooking,
    recurrence: Recurrence,
    patch: EventPatch,
  ): Promise<void> {
    await series.moveSeries(actor, booking, recurrence, {
      ...(patch.start === undefined || patch.end === undefined
        ? {}
        : { slot: { start: new Date(patch.start), end: new Date(patch.end) } }),
      ...(patch.roomId === undefined ? {} : { roomId: patch.roomId }),
      occurrencesOf: (slot, moved, room) => occurrencesOf(slot, moved, room),
      toMeetingRecurrence,
    });
  }

  /** A change of a single event, or of a series' details (not its time or room), through the bookings path. */
  async function changeDetails(actor: Actor, booking: OwnBooking, patch: EventPatch): Promise<EventView> {
    const room = await bookableRoom(deps, patch.roomId ?? booking.roomId);
    const bookingPatch: BookingPatch = {
      ...(patch.roomId === undefined ? {} : { roomId: patch.roomId }),
      ...(patch.start === undefined ? {} : { start: patch.start }),
      ...(patch.end === undefined ? {} : { end: patch.end }),
      ...(patch.title === undefined ? {} : { subject: patch.title }),
    };
    const people = await attendeeChange(actor, booking, room.exchangeEmail, patch);
    if (people) bookingPatch.attendees = people.required;
    const body =
      patch.description !== undefined || patch.onlineMeetingUrl !== undefined
        ? await changedBody(booking, patch)
        : undefined;
    const changed = await deps.bookingService.changeWithDetails(actor, booking.id, bookingPatch, {
      ...(people === undefined ? {} : { optionalAttendees: people.optional }),
      ...(body === undefined ? {} : { body }),
      ...(patch.private === undefined ? {} : { isPrivate: patch.private }),
    });
    return view(changed);
  }

  /** The patch without time and room; null when nothing else is left. */
  function detailsOf(patch: EventPatch): EventPatch | null {
    const rest: EventPatch = { ...patch };
    delete rest.start;
    delete rest.end;
    delete rest.roomId;
    return Object.keys(rest).length > 0 ? rest : null;
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
      const taken = roomTaken(checks);
      if (taken) throw taken;
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
          isEvent: true,
        },
      );
      return presentStored(booking, body.isHtml);
    },

    async get(actor, eventId) {
      await requireEventsMode(actor);
      return view(await deps.bookingService.owned(actor, eventId));
    },

    async change(actor, eventId, patch, scope) {
      await requireEventsMode(actor);
      const booking = await deps.bookingService.owned(actor, eventId);
      const target = occurrenceOf(booking, scope);
      if (target) return changeOccurrence(actor, booking, target, patch);
      if (booking.recurrence && (patch.start !== undefined || patch.roomId !== undefined)) {
        await moveSeries(actor, booking, booking.recurrence, patch);
        const rest = detailsOf(patch);
        const moved = await deps.bookingService.owned(actor, eventId);
        return rest ? changeDetails(actor, moved, rest) : view(moved);
      }
      return changeDetails(actor, booking, patch);
    },

    async cancel(actor, eventId, scope) {
      await requireEventsMode(actor);
      const booking = await deps.bookingService.owned(actor, eventId);
      const target = occurrenceOf(booking, scope);
      if (target) return series.cancelOccurrence(booking, target.recurrence, target.at);
      await deps.bookingService.cancelBooking(actor, eventId);
    },
  };
}
