import type { CalendarProcessingSettings, EmailAddress, FoundPerson, Mailbox, ResolvedName, RoomList } from './api';
import { EwsError } from './errors';
import { mailboxGuidFor, sidFor } from './ids';
import type { SeedFile } from './seed';

/** Set-CalendarProcessing defaults of an Exchange 2016/2019 room mailbox created in the admin center. */
export const DEFAULT_CALENDAR_PROCESSING: CalendarProcessingSettings = {
  automateProcessing: 'AutoAccept',
  allowConflicts: false,
  bookingWindowInDays: 180,
  enforceSchedulingHorizon: true,
  maximumDurationInMinutes: 1440,
  allowRecurringMeetings: true,
  conflictPercentageAllowed: 0,
  maximumConflictInstances: 0,
  deleteSubject: true,
  addOrganizerToSubject: true,
  deleteComments: true,
  deleteAttachments: true,
  removePrivateProperty: true,
  addNewRequestsTentatively: true,
  processExternalMeetingMessages: false,
  resourceDelegates: [],
};

function splitLogin(username: string, smtp: string): { domain: string; sam: string } {
  const backslash = username.indexOf('\\');
  if (backslash >= 0) return { domain: username.slice(0, backslash).toUpperCase(), sam: username.slice(backslash + 1) };
  const at = username.indexOf('@');
  const smtpDomain = smtp.slice(smtp.indexOf('@') + 1);
  const netbios = (smtpDomain.split('.')[0] ?? smtpDomain).toUpperCase();
  if (at >= 0) return { domain: netbios, sam: username.slice(0, at) };
  return { domain: netbios, sam: username };
}

const RESOLVE_NAMES_LIMIT = 100;

/** Accounts, logons, room lists and Set-CalendarProcessing settings. */
export class Directory {
  private readonly bySmtp = new Map<string, Mailbox>();
  private readonly byLogin = new Map<string, Mailbox>();
  private readonly bySid = new Map<string, Mailbox>();
  private readonly byGuid = new Map<string, Mailbox>();
  private readonly lists: RoomList[];
  private readonly processing = new Map<string, CalendarProcessingSettings>();

  constructor(seed: SeedFile) {
    for (const account of seed.accounts) this.add(this.toMailbox(account));
    this.lists = seed.roomLists.map((l) => ({ name: l.name, email: l.email, rooms: [...l.rooms] }));
    for (const [room, settings] of Object.entries(seed.attendant)) {
      this.processing.set(room.toLowerCase(), { ...DEFAULT_CALENDAR_PROCESSING, ...settings });
    }
  }

  private toMailbox(account: SeedFile['accounts'][number]): Mailbox {
    const smtp = account.email.toLowerCase();
    const { domain, sam } = splitLogin(account.username, smtp);
    const smtpDomain = smtp.slice(smtp.indexOf('@') + 1);
    const mailboxGuid = mailboxGuidFor(smtp);
    return {
      smtp,
      displayName: account.displayName,
      kind: account.kind,
      username: account.username,
      password: account.password,
      domain,
      samAccountName: sam,
      userPrincipalName: `${sam}@${smtpDomain}`,
      impersonationGranted: account.impersonation,
      sid: sidFor(smtp),
      mailboxGuid,
      identityTokenUid: account.identityTokenUid,
      legacyExchangeDn: `/o=ExchangeLabs/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=${mailboxGuid.replace(/-/g, '')}-${sam}`,
      calendarDefaultPermission:
        account.calendarDefaultPermission ?? (account.kind === 'room' ? 'LimitedDetails' : 'AvailabilityOnly'),
    };
  }

  private add(mailbox: Mailbox): void {
    this.bySmtp.set(mailbox.smtp, mailbox);
    this.bySid.set(mailbox.sid.toUpperCase(), mailbox);
    this.byGuid.set(mailbox.mailboxGuid, mailbox);
    const keys = [
      mailbox.username,
      `${mailbox.domain}\\${mailbox.samAccountName}`,
      mailbox.userPrincipalName,
      mailbox.smtp,
      mailbox.samAccountName,
    ];
    for (const key of keys) if (!this.byLogin.has(key.toLowerCase())) this.byLogin.set(key.toLowerCase(), mailbox);
  }

  all(): readonly Mailbox[] {
    return [...this.bySmtp.values()];
  }

  find(smtp: string): Mailbox | undefined {
    return this.bySmtp.get(smtp.trim().toLowerCase());
  }

  /** The mailbox or ErrorNonExistentMailbox. */
  require(smtp: string): Mailbox {
    const mailbox = this.find(smtp);
    if (!mailbox)
      throw new EwsError('ErrorNonExistentMailbox', `The SMTP address has no mailbox associated with it: ${smtp}`);
    return mailbox;
  }

  findByGuid(guid: string): Mailbox | undefined {
    return this.byGuid.get(guid);
  }

  findBySid(sid: string): Mailbox | undefined {
    return this.bySid.get(sid.trim().toUpperCase());
  }

  /** `DOMAIN\user` (domain must match), `user@domain` (UPN or smtp) or a bare username. */
  findByLogin(login: string): Mailbox | undefined {
    const key = login.trim().toLowerCase();
    const backslash = key.indexOf('\\');
    if (backslash >= 0) {
      const found = this.byLogin.get(key);
      if (found) return found;
      const sam = key.slice(backslash + 1);
      const bare = this.byLogin.get(sam);
      return bare && bare.domain.toLowerCase() === key.slice(0, backslash) ? bare : undefined;
    }
    return this.byLogin.get(key);
  }

  authenticate(login: string, password: string): Mailbox | undefined {
    const mailbox = this.findByLogin(login);
    return mailbox && mailbox.password === password ? mailbox : undefined;
  }

  emailAddressOf(smtp: string, fallbackName?: string): EmailAddress {
    const mailbox = this.find(smtp);
    if (mailbox)
      return { name: mailbox.displayName, emailAddress: mailbox.smtp, routingType: 'SMTP', mailboxType: 'Mailbox' };
    return { name: fallbackName ?? smtp, emailAddress: smtp, routingType: 'SMTP', mailboxType: 'OneOff' };
  }

  roomLists(): readonly RoomList[] {
    return this.lists;
  }

  rooms(listEmail: string): readonly EmailAddress[] {
    const list = this.lists.find((l) => l.email === listEmail.trim().toLowerCase());
    if (!list) throw new EwsError('ErrorNameResolutionNoResults', 'No results were found.');
    return list.rooms.map((room) => this.emailAddressOf(room));
  }

  /**
   * ResolveNames over the directory: `SMTP:` prefixed exact addresses, else a prefix match on
   * display name, any word of it, the smtp address, or the alias, as Exchange's ANR does. A whole
   * mailbox GUID (an identity token's msexchuid) finds its mailbox: see docs/exchange-sim.md.
   */
  resolveNames(entry: string): readonly ResolvedName[] {
    const raw = entry.trim();
    const smtpPrefix = /^smtp:/i.test(raw);
    const query = (smtpPrefix ? raw.slice(5) : raw).toLowerCase();
    if (query.length === 0) throw new EwsError('ErrorNameResolutionNoResults', 'No results were found.');
    const matches = this.all().filter((m) => {
      if (smtpPrefix) return m.smtp === query;
      if (m.mailboxGuid === query) return true;
      const words = m.displayName.toLowerCase().split(/\s+/);
      return (
        m.displayName.toLowerCase().startsWith(query) ||
        words.some((w) => w.startsWith(query)) ||
        m.smtp.startsWith(query) ||
        m.samAccountName.toLowerCase().startsWith(query)
      );
    });
    if (matches.length === 0) throw new EwsError('ErrorNameResolutionNoResults', 'No results were found.');
    // ResolveNames answers at most 100 candidates, whatever matched.
    return matches
      .sort((a, b) => a.displayName.localeCompare(b.displayName))
      .slice(0, RESOLVE_NAMES_LIMIT)
      .map((mailbox) => ({ mailbox, emailAddress: this.emailAddressOf(mailbox.smtp) }));
  }

  /**
   * FindPeople in the directory (Exchange 2013+): the same prefix matching as ANR, ranked by
   * relevance (a match at the start of the display name first, then a word, then address or alias),
   * then by name. A query is required: the GAL cannot be browsed this way.
   */
  findPeople(query: string): readonly FoundPerson[] {
    const q = query.trim().toLowerCase();
    if (q.length === 0) throw new EwsError('ErrorInvalidArgument', 'QueryString is required to search the directory.');
    const scored: FoundPerson[] = [];
    for (const m of this.all()) {
      const name = m.displayName.toLowerCase();
      const score = name.startsWith(q)
        ? 100
        : name.split(/\s+/).some((w) => w.startsWith(q))
          ? 80
          : m.smtp.startsWith(q) || m.samAccountName.toLowerCase().startsWith(q)
            ? 60
            : 0;
      if (score > 0) scored.push({ mailbox: m, emailAddress: this.emailAddressOf(m.smtp), relevance: score });
    }
    return scored.sort(
      (a, b) => b.relevance - a.relevance || a.mailbox.displayName.localeCompare(b.mailbox.displayName),
    );
  }

  calendarProcessing(roomSmtp: string): CalendarProcessingSettings {
    const mailbox = this.require(roomSmtp);
    if (mailbox.kind !== 'room') throw new EwsError('ErrorInvalidOperation', `${roomSmtp} is not a room mailbox.`);
    return this.processing.get(mailbox.smtp) ?? DEFAULT_CALENDAR_PROCESSING;
  }

  setCalendarProcessing(roomSmtp: string, settings: Partial<CalendarProcessingSettings>): CalendarProcessingSettings {
    const next = { ...this.calendarProcessing(roomSmtp), ...settings };
    if (next.bookingWindowInDays < 0 || next.bookingWindowInDays > 1080) {
      throw new EwsError('ErrorInvalidArgument', 'BookingWindowInDays must be within 0..1080.');
    }
    if (next.conflictPercentageAllowed < 0 || next.conflictPercentageAllowed > 100) {
      throw new EwsError('ErrorInvalidArgument', 'ConflictPercentageAllowed must be within 0..100.');
    }
    this.processing.set(roomSmtp.toLowerCase(), next);
    return next;
  }
}
