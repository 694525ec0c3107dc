import nodemailer from 'nodemailer';
import type { MailSender } from '../../ports/mail';

export interface SmtpSettings {
  /** smtp://user:pass@host:port or smtps://…; or host and port. */
  readonly url?: string;
  readonly host?: string;
  readonly port?: number;
  readonly secure?: boolean;
  readonly from: string;
  /** Tests talk to a local server with a self-signed certificate, or none. */
  readonly ignoreTls?: boolean;
}

/** Email through SMTP with nodemailer; one pooled transport per process. */
export function createSmtpMailSender(settings: SmtpSettings): MailSender & { close(): void } {
  const transport = settings.url
    ? nodemailer.createTransport(settings.url, { from: settings.from })
    : nodemailer.createTransport({
        host: settings.host,
        port: settings.port ?? 587,
        secure: settings.secure ?? false,
        ignoreTLS: settings.ignoreTls ?? false,
      });
  return {
    async send(message) {
      await transport.sendMail({
        from: settings.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html !== undefined ? { html: message.html } : {}),
        messageId: message.messageId,
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}),
      });
    },
    close: () => transport.close(),
  };
}
