import { previewSavedSchema, previewSaveInputSchema, previewSendInputSchema } from '../schemas/previewOutlook';
import { endpoint } from './endpoint';

const TAG = 'Taskpane preview (demo)';
const ONLY_DEMO =
  ' Only while Roomserve runs the bundled Exchange simulator of the demo; with a real Exchange it answers 404.';

/**
 * What Outlook does outside the add-in, for the taskpane preview in the demo: save the appointment
 * (it lands on the user's calendar, nothing is sent) and send it (the attendees and the room get
 * the invitation, the room's attendant answers). docs/addin.md, "The preview in the demo".
 */
export const previewOutlookEndpoints = {
  save: endpoint({
    method: 'post',
    path: '/preview-outlook/appointments',
    tag: TAG,
    summary:
      'Saves the preview’s appointment in the signed-in user’s calendar without sending it (EWS CreateItem ' +
      'SendToNone, or UpdateItem of the item saved before), like Outlook’s saveAsync, and returns its EWS ItemId.' +
      ONLY_DEMO,
    access: 'signed-in',
    body: previewSaveInputSchema,
    response: previewSavedSchema,
  }),
  send: endpoint({
    method: 'post',
    path: '/preview-outlook/appointments/send',
    tag: TAG,
    summary:
      'Sends the saved appointment with its current attendees and location (UpdateItem SendToAllAndSaveCopy), ' +
      'like Outlook’s Send: the room gets the meeting request and its booking attendant answers.' +
      ONLY_DEMO,
    access: 'signed-in',
    body: previewSendInputSchema,
    successStatus: 204,
  }),
};
