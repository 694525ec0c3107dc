/** Sends one email; throws when the mail server refuses or cannot be reached. */
export interface MailSender {
  send(message: {
    readonly to: string;
    readonly subject: string;
    readonly text: string;
    /** Stable per outbox row, so a resend after a crash can be recognised as the same message. */
    readonly messageId: string;
  }): Promise<void>;
}
