import * as ews from 'ews-javascript-api';
import type { PreviewAppointment } from '../../shared/schemas/previewOutlook';
import { AppError } from '../../server/domain/errors';
import type { PreviewOutlook } from '../../server/ports/previewOutlook';
import { ewsService } from '../../test/exchange-sim/ewsjs/client';
import { DEMO_PASSWORD, DEMO_PEOPLE, demoLogon } from '../organisation/organisation';

/**
 * Outlook's part of the taskpane preview in the demo. The preview has no Outlook, so this does
 * what Outlook would, in the simulator and as the signed-in person (their own logon, not
 * Roomserve's service account): Save puts the appointment on their calendar without sending it
 * (CreateItem SendToNone, as saveAsync does), Send sends it to everyone on it (the room's booking
 * attendant answers). Roomserve then finds the meeting by the ItemId exactly as with Outlook.
 */

export interface PreviewOutlookDeps {
  readonly simulatorUrl: string;
  readonly caCertPem: string | undefined;
  /** Whether Roomserve's Exchange is still this simulator (an admin may have configured a real one). */
  readonly stillSimulated: () => Promise<boolean>;
}

// ews-javascript-api does not escape text it puts into the SOAP request.
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function mailboxOf(email: string, deps: PreviewOutlookDeps): ews.ExchangeService {
  const person = DEMO_PEOPLE.find((p) => p.email.toLowerCase() === email.toLowerCase());
  if (!person) throw new AppError('forbidden', 'Only the demo’s people have a mailbox in the simulated Exchange');
  return ewsService(deps.simulatorUrl, demoLogon(person.email), DEMO_PASSWORD, 'basic', deps.caCertPem);
}

function fill(item: ews.Appointment, appointment: PreviewAppointment): void {
  item.Subject = escapeXml(appointment.subject);
  item.Start = new ews.DateTime(Date.parse(appointment.start));
  item.End = new ews.DateTime(Date.parse(appointment.end));
  item.StartTimeZone = ews.TimeZoneInfo.Utc;
  item.EndTimeZone = ews.TimeZoneInfo.Utc;
  item.Location = escapeXml(appointment.location);
  item.RequiredAttendees.Clear();
  for (const person of appointment.requiredAttendees) item.RequiredAttendees.Add(escapeXml(person.email));
  item.OptionalAttendees.Clear();
  for (const person of appointment.optionalAttendees) item.OptionalAttendees.Add(escapeXml(person.email));
}

async function bind(service: ews.ExchangeService, itemId: string): Promise<ews.Appointment> {
  try {
    return await ews.Appointment.Bind(service, new ews.ItemId(itemId));
  } catch (err: unknown) {
    if (err instanceof ews.ServiceResponseException && err.ErrorCode === ews.ServiceError.ErrorItemNotFound)
      throw new AppError('not_found', 'No such appointment in your calendar');
    throw err;
  }
}

export function createPreviewOutlook(deps: PreviewOutlookDeps): PreviewOutlook {
  return {
    available: () => deps.stillSimulated(),

    async save(userEmail, appointment, itemId) {
      const service = mailboxOf(userEmail, deps);
      if (itemId !== undefined) {
        const item = await bind(service, itemId);
        fill(item, appointment);
        await item.Update(
          ews.ConflictResolutionMode.AlwaysOverwrite,
          ews.SendInvitationsOrCancellationsMode.SendToNone,
        );
        return { itemId: item.Id.UniqueId };
      }
      const item = new ews.Appointment(service);
      fill(item, appointment);
      await item.Save(ews.WellKnownFolderName.Calendar, ews.SendInvitationsMode.SendToNone);
      return { itemId: item.Id.UniqueId };
    },

    async send(userEmail, appointment, itemId) {
      const item = await bind(mailboxOf(userEmail, deps), itemId);
      fill(item, appointment);
      await item.Update(
        ews.ConflictResolutionMode.AlwaysOverwrite,
        ews.SendInvitationsOrCancellationsMode.SendToAllAndSaveCopy,
      );
    },
  };
}
