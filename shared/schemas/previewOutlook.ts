import { z } from 'zod';
import { instantSchema } from './common';

/**
 * The taskpane preview's stand-in for Outlook in the demo: the sample appointment as the preview
 * holds it, saved into (and sent from) the signed-in user's mailbox in the bundled Exchange
 * simulator, the way Outlook's saveAsync and Send would.
 */
const personSchema = z.object({
  name: z.string().trim().max(200),
  email: z.email().max(320),
});

export const previewAppointmentSchema = z
  .object({
    subject: z.string().trim().max(255),
    start: instantSchema,
    end: instantSchema,
    location: z.string().trim().max(255),
    requiredAttendees: z.array(personSchema).max(100),
    optionalAttendees: z.array(personSchema).max(100),
  })
  .refine((a) => Date.parse(a.start) < Date.parse(a.end), { message: 'The meeting must end after it starts' })
  .meta({ id: 'PreviewAppointment' });

/** Saving: a new item (no itemId) or the changes of the one saved before. */
export const previewSaveInputSchema = z
  .object({ appointment: previewAppointmentSchema, itemId: z.string().min(1).max(1024).optional() })
  .meta({ id: 'PreviewSaveInput' });

export const previewSendInputSchema = z
  .object({ appointment: previewAppointmentSchema, itemId: z.string().min(1).max(1024) })
  .meta({ id: 'PreviewSendInput' });

export const previewSavedSchema = z
  .object({
    itemId: z.string().describe('The EWS ItemId of the item in the user’s own mailbox, as saveAsync returns it'),
  })
  .meta({ id: 'PreviewSaved' });

export type PreviewAppointment = z.infer<typeof previewAppointmentSchema>;
export type PreviewSaveInput = z.infer<typeof previewSaveInputSchema>;
export type PreviewSendInput = z.infer<typeof previewSendInputSchema>;
