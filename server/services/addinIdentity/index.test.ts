import { describe, expect, it } from '@jest/globals';
import type { IdentityLinkKey } from '../../domain/addin/identityLink';
import { AppError } from '../../domain/errors';
import type { IdentityLink, IdentityLinkRepository } from '../../ports/identityLinks';
import {
  IdentityTokenRejected,
  type ExchangeIdentity,
  type ExchangeIdentityDirectory,
  type ExchangeMailboxOwner,
  type IdentityTokenVerifier,
} from '../../ports/identityTokens';
import type { NewUser, UserChanges, UserRecord, UserRepository, UserWithPassword } from '../../ports/users';
import { createAddinIdentityService } from './index';

/**
 * The add-in's sign-in with hand-written fakes: tokens are strings "<msexchuid>|<amurl>", the
 * directory is a map of msexchuid → mailbox that counts its questions, passwords are plain text.
 */

const AMURL = 'https://mail.northwind.test/autodiscover/metadata/json/1';
const token = (uid: string, amurl = AMURL) => `${uid}|${amurl}`;

class FakeVerifier implements IdentityTokenVerifier {
  verify(value: string): Promise<ExchangeIdentity> {
    const [exchangeUserId, metadataUrl] = value.split('|');
    if (!exchangeUserId || !metadataUrl) return Promise.reject(new IdentityTokenRejected('malformed', 'bad token'));
    if (exchangeUserId === 'expired') return Promise.reject(new IdentityTokenRejected('expired', 'too old'));
    return Promise.resolve({ exchangeUserId, metadataUrl });
  }
}

class FakeDirectory implements ExchangeIdentityDirectory {
  questions = 0;
  down = false;
  constructor(readonly mailboxes: Map<string, ExchangeMailboxOwner>) {}
  mailboxOf(identity: ExchangeIdentity): Promise<ExchangeMailboxOwner | undefined> {
    this.questions += 1;
    if (this.down) return Promise.reject(new Error('connect ECONNREFUSED'));
    return Promise.resolve(this.mailboxes.get(identity.exchangeUserId));
  }
}

class FakeUsers implements UserRepository {
  readonly rows = new Map<string, UserWithPassword>();
  private sequence = 0;

  add(user: Partial<UserWithPassword> & { email: string }): UserWithPassword {
    this.sequence += 1;
    const row: UserWithPassword = {
      id: `user-${this.sequence}`,
      name: user.email,
      role: 'employee',
      active: true,
      accessExpiresAt: null,
      createdAt: new Date(0),
      passwordHash: null,
      ...user,
    };
    this.rows.set(row.id, row);
    return row;
  }
  findById(id: string): Promise<UserRecord | undefined> {
    return Promise.resolve(this.rows.get(id));
  }
  findByEmail(email: string): Promise<UserWithPassword | undefined> {
    return Promise.resolve([...this.rows.values()].find((u) => u.email.toLowerCase() === email.toLowerCase()));
  }
  list(): Promise<{ items: UserRecord[]; total: number }> {
    return Promise.resolve({ items: [...this.rows.values()], total: this.rows.size });
  }
  async create(user: NewUser): Promise<UserRecord> {
    if (await this.findByEmail(user.email)) throw new AppError('conflict', 'email taken');
    return this.add(user);
  }
  update(id: string, changes: UserChanges): Promise<UserRecord | undefined> {
    const row = this.rows.get(id);
    if (!row) return Promise.resolve(undefined);
    const next = { ...row, ...changes };
    this.rows.set(id, next);
    return Promise.resolve(next);
  }
}

class FakeLinks implements IdentityLinkRepository {
  readonly rows: IdentityLink[] = [];
  find(key: IdentityLinkKey): Promise<IdentityLink | undefined> {
    return Promise.resolve(
      this.rows.find((l) => l.exchangeUserId === key.exchangeUserId && l.metadataUrl === key.metadataUrl),
    );
  }
  async createIfAbsent(key: IdentityLinkKey, userId: string, at: Date): Promise<IdentityLink> {
    const existing = await this.find(key);
    if (existing) return existing;
    const link = { ...key, id: `link-${this.rows.length + 1}`, userId, createdAt: at, lastUsedAt: at };
    this.rows.push(link);
    return link;
  }
  markUsed(id: string, at: Date): Promise<void> {
    const index = this.rows.findIndex((l) => l.id === id);
    const link = this.rows[index];
    if (link) this.rows[index] = { ...link, lastUsedAt: at };
    return Promise.resolve();
  }
}

function setup() {
  const users = new FakeUsers();
  const links = new FakeLinks();
  const directory = new FakeDirectory(
    new Map([['uid-emma', { smtpAddress: 'emma@northwind.test', displayName: 'Emma Schmidt' }]]),
  );
  let now = new Date('2026-11-24T08:00:00Z');
  const passwords = new Map<string, string>();
  const service = createAddinIdentityService({
    verifier: new FakeVerifier(),
    directory,
    users,
    links,
    // Stands for services/auth's check: unknown, passwordless, inactive or wrong → invalid_credentials.
    verifyCredentials: async (email, password) => {
      const user = await users.findByEmail(email);
      if (!user || !user.active || passwords.get(user.id) !== password)
        throw new AppError('invalid_credentials', 'The email or password is not correct');
      return user;
    },
    clock: { now: () => now },
  });
  const withPassword = (email: string, password: string, extra: Partial<UserWithPassword> = {}) => {
    const user = users.add({ email, passwordHash: 'hash', ...extra });
    passwords.set(user.id, password);
    return user;
  };
  return {
    service,
    users,
    links,
    directory,
    withPassword,
    advance: (ms: number) => (now = new Date(now.getTime() + ms)),
  };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}

describe('authenticate', () => {
  it('asks Exchange once, provisions an employee, and remembers the link', async () => {
    const { service, directory, links } = setup();
    const first = await service.authenticate(token('uid-emma'));
    expect(first).toMatchObject({ email: 'emma@northwind.test', role: 'employee', active: true });
    expect(links.rows).toEqual([expect.objectContaining({ exchangeUserId: 'uid-emma', userId: first.id })]);
    const again = await service.authenticate(token('uid-emma'));
    expect(again.id).toBe(first.id);
    expect(directory.questions).toBe(1);
  });

  it('finds the link whatever spelling of the amurl the token uses', async () => {
    const { service, directory } = setup();
    await service.authenticate(token('uid-emma'));
    await service.authenticate(token('uid-emma', 'https://MAIL.northwind.test:443/autodiscover/metadata/json/1'));
    expect(directory.questions).toBe(1);
  });

  it('signs a linked user in while Exchange is down', async () => {
    const { service, directory } = setup();
    const user = await service.authenticate(token('uid-emma'));
    directory.down = true;
    await expect(service.authenticate(token('uid-emma'))).resolves.toMatchObject({ id: user.id });
  });

  it('answers 503 unavailable when an unlinked user needs Exchange and it is down', async () => {
    const { service, directory } = setup();
    directory.down = true;
    expect((await failure(service.authenticate(token('uid-emma')))).code).toBe('unavailable');
  });

  it('asks for the one-time link when Exchange finds no mailbox, and stores nothing', async () => {
    const { service, links } = setup();
    const err = await failure(service.authenticate(token('uid-unknown')));
    expect(err.code).toBe('unauthenticated');
    expect(err.details).toEqual({ reason: 'link-required' });
    expect(links.rows).toEqual([]);
  });

  it('passes on why a token was refused', async () => {
    const { service } = setup();
    expect((await failure(service.authenticate(token('expired')))).details).toEqual({ reason: 'expired' });
  });

  it('keeps a deactivated account locked out, linked or not', async () => {
    const { service, users } = setup();
    const emma = users.add({ email: 'emma@northwind.test', active: false });
    expect((await failure(service.authenticate(token('uid-emma')))).details).toEqual({ reason: 'deactivated' });
    await users.update(emma.id, { active: true });
    await service.authenticate(token('uid-emma'));
    await users.update(emma.id, { active: false });
    expect((await failure(service.authenticate(token('uid-emma')))).details).toEqual({ reason: 'deactivated' });
  });

  it('notes when a link was last used, at most once an hour', async () => {
    const { service, links, advance } = setup();
    await service.authenticate(token('uid-emma'));
    const created = links.rows[0]?.lastUsedAt;
    advance(10 * 60 * 1000);
    await service.authenticate(token('uid-emma'));
    expect(links.rows[0]?.lastUsedAt).toEqual(created);
    advance(60 * 60 * 1000);
    await service.authenticate(token('uid-emma'));
    expect(links.rows[0]?.lastUsedAt.getTime()).toBe((created?.getTime() ?? 0) + 70 * 60 * 1000);
  });
});

describe('link', () => {
  it('links an identity Exchange cannot resolve; later requests sign in without Exchange', async () => {
    const { service, directory, withPassword } = setup();
    const lukas = withPassword('lukas@northwind.test', 'lukas-password-1');
    await expect(service.link(token('uid-lukas'), 'lukas@northwind.test', 'lukas-password-1')).resolves.toMatchObject({
      id: lukas.id,
    });
    await expect(service.authenticate(token('uid-lukas'))).resolves.toMatchObject({ id: lukas.id });
    expect(directory.questions).toBe(0);
  });

  it('refuses a wrong password and stores nothing', async () => {
    const { service, links, withPassword } = setup();
    withPassword('lukas@northwind.test', 'lukas-password-1');
    const err = await failure(service.link(token('uid-lukas'), 'lukas@northwind.test', 'guess'));
    expect(err.code).toBe('invalid_credentials');
    expect(links.rows).toEqual([]);
  });

  it('refuses a deactivated account', async () => {
    const { service, links, withPassword } = setup();
    withPassword('lukas@northwind.test', 'lukas-password-1', { active: false });
    const err = await failure(service.link(token('uid-lukas'), 'lukas@northwind.test', 'lukas-password-1'));
    expect(err.code).toBe('invalid_credentials');
    expect(links.rows).toEqual([]);
  });

  it('does not look at the password of a refused token', async () => {
    const { service } = setup();
    const err = await failure(service.link(token('expired'), 'nobody@northwind.test', 'x'));
    expect(err).toMatchObject({ code: 'unauthenticated', details: { reason: 'expired' } });
  });

  it('is harmless when repeated for the same account, a conflict for another one', async () => {
    const { service, links, withPassword } = setup();
    const lukas = withPassword('lukas@northwind.test', 'lukas-password-1');
    withPassword('mia@northwind.test', 'mia-password-12');
    await service.link(token('uid-lukas'), 'lukas@northwind.test', 'lukas-password-1');
    await service.link(token('uid-lukas'), 'lukas@northwind.test', 'lukas-password-1');
    const err = await failure(service.link(token('uid-lukas'), 'mia@northwind.test', 'mia-password-12'));
    expect(err).toMatchObject({ code: 'conflict', details: { reason: 'linked-to-another-account' } });
    expect(links.rows).toEqual([expect.objectContaining({ userId: lukas.id })]);
  });
});
