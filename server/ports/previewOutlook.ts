import type { PreviewAppointment } from '../../shared/schemas/previewOutlook';

/**
 * Outlook's own part of the taskpane preview in the demo: the preview has no Outlook, so saving
 * and sending its appointment happen in the signed-in user's mailbox in the bundled Exchange
 * simulator, as that user, the way Outlook would. Only the demo plug-in implements it, and only
 * while Roomserve's Exchange is that simulator; with a real Exchange there is none.
 */
export interface PreviewOutlook {
  /** Whether Roomserve's Exchange is still the simulator this talks to (an admin may have changed it). */
  available(): Promise<boolean>;
  /** Saves the appointment on the user's calendar without sending it; a new item, or the changes of `itemId`. */
  save(userEmail: string, appointment: PreviewAppointment, itemId?: string): Promise<{ itemId: string }>;
  /** Saves the current state and sends it to every attendee (the room's attendant answers). */
  send(userEmail: string, appointment: PreviewAppointment, itemId: string): Promise<void>;
}

/** Looked up per request: the demo starts after the application is composed. */
export type PreviewOutlookSource = () => PreviewOutlook | null;
