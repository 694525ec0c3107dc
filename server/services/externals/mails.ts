import type { ExternalMailMessage } from '../../ports/externals';

const DATE = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });

export function invitationMail(input: {
  readonly to: string;
  readonly name: string;
  readonly inviter: string;
  readonly url: string;
  readonly expiresAt: Date;
  readonly linkKey: string;
}): ExternalMailMessage {
  return {
    dedupeKey: `external-invitation:${input.linkKey}`,
    kind: 'external-invitation',
    to: input.to,
    subject: `${input.inviter} invites you to book meeting rooms`,
    text: [
      `Hello ${input.name},`,
      '',
      `${input.inviter} invited you to book meeting rooms with Roomserve.`,
      'Open this link to set a password, or to continue without one (we then email you a link each time you sign in):',
      '',
      input.url,
      '',
      `The link works once, until ${DATE.format(input.expiresAt)} UTC.`,
    ].join('\n'),
  };
}

export function signInLinkMail(input: {
  readonly to: string;
  readonly name: string;
  readonly url: string;
  readonly linkKey: string;
}): ExternalMailMessage {
  return {
    dedupeKey: `external-sign-in:${input.linkKey}`,
    kind: 'external-sign-in',
    to: input.to,
    subject: 'Your Roomserve sign-in link',
    text: [
      `Hello ${input.name},`,
      '',
      'Open this link to sign in to Roomserve. It works once, for 15 minutes:',
      '',
      input.url,
      '',
      'If you did not ask for it, ignore this email.',
    ].join('\n'),
  };
}
