import { previewOutlookEndpoints } from '../../../shared/api/previewOutlook';
import type { PreviewAppointment } from '../../../shared/schemas/previewOutlook';
import type { ApiClient } from '../../api/client';
import type { PreviewMailbox } from '../../office/fakeOfficeHost';
import type { AppointmentSnapshot } from '../../office/officeHost';
import { strings } from '../strings';

function asPreviewAppointment(appointment: AppointmentSnapshot): PreviewAppointment {
  return {
    subject: strings.preview.subject,
    start: appointment.start.toISOString(),
    end: appointment.end.toISOString(),
    location: appointment.location,
    requiredAttendees: [...appointment.requiredAttendees],
    optionalAttendees: [...appointment.optionalAttendees],
  };
}

/**
 * The preview's Outlook mailbox in the demo: Roomserve saves and sends the sample appointment in
 * the signed-in user's mailbox in the bundled Exchange simulator (shared/api/previewOutlook.ts), so
 * orders find it by its ItemId exactly as they find an Outlook item. Without the simulator the
 * server answers 404 and the pane says why.
 */
export function previewMailbox(client: ApiClient): PreviewMailbox {
  return {
    async save(appointment, itemId) {
      const body = { appointment: asPreviewAppointment(appointment), ...(itemId === undefined ? {} : { itemId }) };
      return (await client.call(previewOutlookEndpoints.save, { body })).itemId;
    },
    async send(appointment, itemId) {
      await client.call(previewOutlookEndpoints.send, {
        body: { appointment: asPreviewAppointment(appointment), itemId },
      });
    },
  };
}
