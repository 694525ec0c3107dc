import type { CalendarItemInput, EpochMs } from './api';
import { buildRecord } from './build';
import { createCopy } from './copies';
import type { Directory } from './directory';
import type { SeedFile, SeedItem, SeedMeeting } from './seed';
import type { Store } from './store';

/** Writes a seed's items and meetings into the store (no attendant, no conflict checks). */

function inputOf(entry: SeedItem | SeedMeeting): CalendarItemInput {
  return {
    subject: entry.subject,
    start: Date.parse(entry.start),
    end: Date.parse(entry.end),
    startTimeZone: entry.timeZone,
    endTimeZone: entry.timeZone,
    ...(entry.location !== undefined ? { location: entry.location } : {}),
    ...(entry.body !== undefined ? { body: entry.body } : {}),
    ...(entry.sensitivity !== undefined ? { sensitivity: entry.sensitivity } : {}),
    ...(entry.recurrence !== undefined ? { recurrence: entry.recurrence } : {}),
    ...(entry.extendedProperties !== undefined ? { extendedProperties: entry.extendedProperties } : {}),
  };
}

function seedItem(store: Store, directory: Directory, item: SeedItem, now: EpochMs): void {
  const mailbox = directory.require(item.mailbox);
  const record = buildRecord(
    {
      directory,
      mailbox,
      folder: store.folder(mailbox, 'calendar'),
      id: store.newItemId(mailbox),
      now,
      organizer: directory.emailAddressOf(mailbox.smtp),
    },
    { ...inputOf(item), ...(item.uid !== undefined ? { uid: item.uid } : {}) },
  );
  store.insert(record);
}

function seedMeeting(store: Store, directory: Directory, meeting: SeedMeeting, now: EpochMs): void {
  const organizer = directory.require(meeting.organizer);
  const toInputs = (emails: readonly string[]): { emailAddress: string }[] =>
    emails.map((emailAddress) => ({ emailAddress }));
  const org = buildRecord(
    {
      directory,
      mailbox: organizer,
      folder: store.folder(organizer, 'calendar'),
      id: store.newItemId(organizer),
      now,
      organizer: directory.emailAddressOf(organizer.smtp),
    },
    {
      ...inputOf(meeting),
      requiredAttendees: toInputs(meeting.requiredAttendees),
      optionalAttendees: toInputs(meeting.optionalAttendees),
      resources: toInputs(meeting.rooms),
    },
  );
  org.meetingRequestWasSent = true;
  for (const room of org.resources) {
    if (directory.calendarProcessing(room.email).automateProcessing === 'AutoAccept') {
      room.responseType = 'Accept';
      room.lastResponseTime = now;
    }
  }
  store.insert(org);
  for (const attendee of [...org.requiredAttendees, ...org.optionalAttendees, ...org.resources]) {
    const mailbox = directory.find(attendee.email);
    if (!mailbox || mailbox.smtp === organizer.smtp) continue;
    if (mailbox.kind !== 'room') {
      createCopy(store, mailbox, org, { myResponseType: 'NoResponseReceived', freeBusy: 'Tentative', now });
      continue;
    }
    const settings = directory.calendarProcessing(mailbox.smtp);
    if (settings.automateProcessing === 'AutoAccept')
      createCopy(store, mailbox, org, { myResponseType: 'Accept', freeBusy: 'Busy', strip: settings, now });
    else if (settings.automateProcessing === 'AutoUpdate')
      createCopy(store, mailbox, org, { myResponseType: 'NoResponseReceived', freeBusy: 'Tentative', now });
  }
}

export function seedContent(store: Store, directory: Directory, seed: SeedFile, now: EpochMs): void {
  for (const item of seed.items) seedItem(store, directory, item, now);
  for (const meeting of seed.meetings) seedMeeting(store, directory, meeting, now);
}
