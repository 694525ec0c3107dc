/** Sends one email; throws when the mail server refuses or cannot be reached. */
export interface MailSender {
  send(message: {
    readonly to: string;
    readonly subject: string;
    readonly text: string;
    /** A simple HTML alternative of the text, when the message has one. */
    readonly html?: string;
    /** Stable per outbox row, so a resend after a crash can be recognised as the same message. */
    readonly messageId: string;
    /** Text attachments, e.g. an iCalendar file for people without our calendar. */
    readonly attachments?: readonly { filename: string; contentType: string; content: string }[];
  }): Promise<void>;
}
