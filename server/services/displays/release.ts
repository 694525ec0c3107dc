import { DateTime } from 'luxon';
import { interval } from '../../domain/availability/interval';
import { dueForRelease, strikeFor, type ReleaseCandidate, type Strike } from '../../domain/displays/release';
import type { DisplaySettings } from '../../domain/displays/state';
import { AppError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { MailSender } from '../../ports/mail';
import type { MeetingWriter, RoomCopy } from '../../ports/meetingWriter';
import type { ReleasableBooking, RoomReleaseRepository } from '../../ports/roomReleases';

/**
 * Releasing meetings nobody came to (issue 14): the room declines its copy in Exchange
 * (impersonating the room mailbox), so the organizer's item shows the room declined and the
 * room's free/busy turns free; an occurrence of a series releases only that occurrence. After
 * three released occurrences in a row the room declines the rest of the series. Each release is a
 * fact (room_releases), claimed before the decline, so two instances never release one meeting.
 */

export interface ReleaseRoom {
  readonly id: string;
  readonly name: string;
  readonly exchangeEmail: string | null;
  readonly timeZone: string;
}

export interface RoomReleaseDeps {
  readonly releases: RoomReleaseRepository;
  readonly clock: Clock;
  readonly writer: () => Promise<MeetingWriter | null>;
  readonly mail: MailSender | null;
  readonly room: (roomId: string) => Promise<ReleaseRoom | undefined>;
  readonly settingsFor: (roomId: string) => Promise<DisplaySettings>;
  readonly checkedIn: (bookingIds: readonly string[]) => Promise<Set<string>>;
  /** The rooms whose sync lease this instance holds: each room is released by one instance. */
  readonly ownedRooms: () => readonly string[];
  /** Asks the room's sync to read the room's calendar again after a decline. */
  readonly resync?: (roomId: string) => void;
  readonly log: { warn(details: object, message: string): void };
}

export interface ReleaseOutcome {
  readonly released: number;
  readonly seriesDeclined: number;
}

export interface RoomReleaseService {
  /** One round over this instance's rooms. */
  runOnce(): Promise<ReleaseOutcome>;
  releaseRoom(roomId: string): Promise<ReleaseOutcome>;
  /** Runs a round every `everyMs`; returns the stop function. */
  start(everyMs: number): () => void;
  /** The room declines a meeting organized by someone else (a display's "end early"); false when gone already. */
  declineCopy(room: ReleaseRoom, booking: ReleasableBooking, message: string): Promise<boolean>;
}

const HOUR_MS = 3_600_000;

const copyOf = (room: ReleaseRoom & { exchangeEmail: string }, b: ReleasableBooking): RoomCopy => ({
  roomEmail: room.exchangeEmail,
  roomItemId: b.roomItemId,
  seriesItemId: b.seriesItemId,
  cleanGlobalObjectId: b.cleanGlobalObjectId,
  start: new Date(b.span.start),
  end: new Date(b.span.end),
  isOccurrence: b.isOccurrence,
});

function wallTime(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('HH:mm');
}

function releaseMail(room: ReleaseRoom, b: ReleasableBooking, strike: Strike, releaseAfter: number): string {
  const when = `${DateTime.fromMillis(b.span.start, { zone: room.timeZone }).toFormat('cccc d LLLL yyyy, HH:mm')}–${wallTime(b.span.end, room.timeZone)}`;
  const lines = [
    `Nobody checked in at the display of ${room.name} within ${releaseAfter} minutes of the start of your meeting`,
    `"${b.subject}" (${when}), so the room declined it and is free for others now.`,
    '',
    'The meeting itself stays in your calendar; only the room was given back.',
  ];
  if (strike.declineSeries)
    lines.push(
      '',
      `This was the ${strike.count}rd occurrence of this series in a row that nobody checked in to, so the room`,
      'declined the rest of the series. Book a room again for the occurrences you still need.',
    );
  else if (strike.warn)
    lines.push(
      '',
      `This is the ${strike.count}nd occurrence of this series in a row that nobody checked in to. If the next one is`,
      'released too, the room declines the rest of the series.',
    );
  return lines.join('\n');
}

export function createRoomReleaseService(deps: RoomReleaseDeps): RoomReleaseService {
  async function requireWriter(): Promise<MeetingWriter> {
    const writer = await deps.writer();
    if (!writer) throw new AppError('unavailable', 'No Exchange connection is configured.');
    return writer;
  }

  async function declineCopy(room: ReleaseRoom, booking: ReleasableBooking, message: string): Promise<boolean> {
    if (!room.exchangeEmail) return false;
    const writer = await requireWriter();
    return writer.declineAsRoom(copyOf({ ...room, exchangeEmail: room.exchangeEmail }, booking), message);
  }

  async function strikeOf(b: ReleasableBooking): Promise<{ seriesKey: string | null; strike: Strike }> {
    if (!b.isOccurrence || !b.cleanGlobalObjectId)
      return { seriesKey: null, strike: { count: 1, warn: false, declineSeries: false } };
    const history = await deps.releases.seriesHistory(b.roomId, b.cleanGlobalObjectId, new Date(b.span.start));
    return { seriesKey: b.cleanGlobalObjectId, strike: strikeFor(history, b.span.start) };
  }

  async function tell(room: ReleaseRoom, b: ReleasableBooking, strike: Strike, releaseAfter: number): Promise<void> {
    if (!deps.mail || !b.organizerEmail) return;
    try {
      await deps.mail.send({
        to: b.organizerEmail,
        subject: `${room.name} was released: nobody checked in`,
        text: releaseMail(room, b, strike, releaseAfter),
        messageId: `<release-${b.id}@roomserve>`,
      });
    } catch (err) {
      // The release stands either way; the organizer's Outlook shows the room's decline too.
      deps.log.warn({ err, bookingId: b.id }, 'the release email could not be sent');
    }
  }

  /** Claims the fact, then the room declines; when Exchange refuses, the claim is taken back. */
  async function release(room: ReleaseRoom, b: ReleasableBooking, releaseAfter: number): Promise<ReleaseOutcome> {
    const { seriesKey, strike } = await strikeOf(b);
    const now = deps.clock.now();
    const fact = {
      roomId: room.id,
      bookingId: b.id,
      seriesKey,
      meeting: b.span,
      subject: b.subject,
      organizerName: b.organizerName,
      organizerEmail: b.organizerEmail,
      isPrivate: b.isPrivate,
      strike: strike.count,
      actor: 'release-job',
      displayId: null,
      at: now,
    };
    if (!(await deps.releases.claim({ ...fact, kind: 'release' }))) return { released: 0, seriesDeclined: 0 };
    const reason = `Released by Roomserve at ${wallTime(now.getTime(), room.timeZone)}: nobody checked in within ${releaseAfter} minutes of the start.`;
    try {
      await declineCopy(room, b, reason);
    } catch (err) {
      await deps.releases.unclaim(b.id, 'release');
      throw err;
    }
    await deps.releases.markReleased(b.id, 'Released: nobody checked in.');
    let seriesDeclined = 0;
    if (
      strike.declineSeries &&
      room.exchangeEmail &&
      (await deps.releases.claim({ ...fact, kind: 'series-declined' }))
    ) {
      const writer = await requireWriter();
      const copy = copyOf({ ...room, exchangeEmail: room.exchangeEmail }, b);
      const message = `Declined by Roomserve: ${strike.count} occurrences in a row were released because nobody checked in.`;
      try {
        if (!(await writer.declineAsRoom(copy, message, true))) throw new Error('the room has no copy of the series');
        seriesDeclined = 1;
      } catch (err) {
        await deps.releases.unclaim(b.id, 'series-declined');
        deps.log.warn(
          { err, bookingId: b.id },
          'the room could not decline the rest of the series; the next round retries',
        );
      }
    }
    await tell(room, b, strike, releaseAfter);
    deps.resync?.(room.id);
    return { released: 1, seriesDeclined };
  }

  async function releaseRoom(roomId: string): Promise<ReleaseOutcome> {
    const settings = await deps.settingsFor(roomId);
    if (!settings.checkIn.required) return { released: 0, seriesDeclined: 0 };
    const room = await deps.room(roomId);
    if (!room?.exchangeEmail) return { released: 0, seriesDeclined: 0 };
    const now = deps.clock.now().getTime();
    const bookings = await deps.releases.candidates(roomId, interval(now - 9 * HOUR_MS, now + 60_000));
    const checkedIn = await deps.checkedIn(bookings.map((b) => b.id));
    const candidates: ReleaseCandidate[] = bookings.map((b) => ({
      id: b.id,
      span: b.span,
      bookedAt: b.bookedAt.getTime(),
      source: b.source,
      status: b.status,
      checkedIn: checkedIn.has(b.id),
      released: false,
    }));
    const rules = { checkInRequired: true, releaseAfterMinutes: settings.checkIn.releaseAfterMinutes };
    const due = new Set(dueForRelease(candidates, now, rules).map((c) => c.id));
    let released = 0;
    let seriesDeclined = 0;
    for (const b of bookings.filter((x) => due.has(x.id))) {
      const outcome = await release(room, b, rules.releaseAfterMinutes);
      released += outcome.released;
      seriesDeclined += outcome.seriesDeclined;
    }
    return { released, seriesDeclined };
  }

  async function runOnce(): Promise<ReleaseOutcome> {
    let released = 0;
    let seriesDeclined = 0;
    for (const roomId of deps.ownedRooms()) {
      try {
        const outcome = await releaseRoom(roomId);
        released += outcome.released;
        seriesDeclined += outcome.seriesDeclined;
      } catch (err) {
        deps.log.warn({ err, roomId }, 'releasing the room’s meetings failed; the next round retries');
      }
    }
    return { released, seriesDeclined };
  }

  return {
    runOnce,
    releaseRoom,
    declineCopy,
    start(everyMs) {
      let running: Promise<unknown> | null = null;
      const timer = setInterval(() => {
        running ??= runOnce()
          .catch((err: unknown) => deps.log.warn({ err }, 'release round failed'))
          .finally(() => (running = null));
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
