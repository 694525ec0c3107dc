import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import type { Booking } from '../../shared/schemas/bookings';
import type { External, ExternalImportResult, ExternalInvitation } from '../../shared/schemas/externals';
import { startExchangeSim, type RunningExchangeSim } from '../exchange-sim';
import { buildBuilding, buildFloor, buildRoom } from '../factories/locations';
import { buildUser } from '../factories/users';
import { connectToDemoSim } from '../support/demoExchange';
import { readRoomCalendar, type ExchangeAccount } from '../support/exchangeCalendars';
import { createTestApp, type TestApp } from '../support/testApp';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The external path against the simulated Exchange, through the HTTP API as a browser uses it
 * (cookie sessions, CSRF): invite → accept → sign in → book → confirmed (read back from the
 * room's calendar over EWS) → cancel; deactivation cancels in Exchange and ends every session;
 * used and expired links answer 410, deactivated and expired externals 401, limits 4xx.
 */

const LUHE = 'room.harbour.0.luhe@northwind.test';
const ELBE = 'room.harbour.0.elbe@northwind.test';
const DAY_MS = 86_400_000;
const BASE = Math.floor(Date.now() / DAY_MS + 4) * DAY_MS;

let sim: RunningExchangeSim;
let db: TestDatabase;
let testApp: TestApp;
let account: ExchangeAccount;
let admin: string;
let externalRoom: string;
let employeeRoom: string;

function slot(day: number, fromHour: number): { start: string; end: string } {
  const start = BASE + day * DAY_MS + fromHour * 3_600_000;
  return { start: new Date(start).toISOString(), end: new Date(start + 3_600_000).toISOString() };
}

const bearer = (token: string) => ({
  post: (path: string, body: object) =>
    request(testApp.app).post(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  put: (path: string, body: object) =>
    request(testApp.app).put(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
  get: (path: string) => request(testApp.app).get(`/api${path}`).set('Authorization', `Bearer ${token}`),
  patch: (path: string, body: object) =>
    request(testApp.app).patch(`/api${path}`).set('Authorization', `Bearer ${token}`).send(body),
});

/** A browser: the session cookie is kept, writes echo the CSRF token the sign-in answered. */
function browser() {
  const agent = request.agent(testApp.app);
  let csrf = '';
  return {
    signedIn(body: { csrfToken: string }) {
      csrf = body.csrfToken;
    },
    post: (path: string, body: object) => agent.post(`/api${path}`).set('X-CSRF-Token', csrf).send(body),
    get: (path: string) => agent.get(`/api${path}`),
    delete: (path: string) => agent.delete(`/api${path}`).set('X-CSRF-Token', csrf),
  };
}

const tokenOf = (link: string): string => new URL(link).searchParams.get('token') ?? '';

/** The emails written to the outbox for one address, oldest first. */
async function mailsTo(email: string): Promise<{ kind: string; subject: string; text: string; ics: string | null }[]> {
  const rows = await db
    .knex('outbox')
    .where({ recipient: email, channel: 'email' })
    .orderBy('seq')
    .select<{ kind: string; payload: unknown }[]>('kind', 'payload');
  return rows.map((row) => {
    const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as {
      subject: string;
      text: string;
      attachments?: { content: string }[];
    };
    return {
      kind: row.kind,
      subject: payload.subject,
      text: payload.text,
      ics: payload.attachments?.[0]?.content ?? null,
    };
  });
}

const linkIn = (text: string): string => /https?:\/\/\S+token=[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';

async function invite(email: string, name: string, company = 'Hafenbau GmbH'): Promise<ExternalInvitation> {
  const res = await bearer(admin).post('/externals/invitations', { email, name, company });
  expect(res.status).toBe(201);
  return res.body as ExternalInvitation;
}

/** Invites and accepts with a password; answers the signed-in browser. */
async function activeExternal(email: string, name: string) {
  const invitation = await invite(email, name);
  const b = browser();
  const res = await b.post('/externals/accept', {
    token: tokenOf(invitation.link ?? ''),
    password: 'a-long-password-1',
  });
  expect(res.status).toBe(200);
  b.signedIn(res.body as { csrfToken: string });
  return { browser: b, id: invitation.externalId };
}

async function book(b: ReturnType<typeof browser>, s: { start: string; end: string }, subject: string) {
  const res = await b.post('/bookings', { roomId: externalRoom, ...s, subject });
  expect(res.status).toBe(201);
  const settled = await b.get(`/bookings/${(res.body as Booking).id}?wait=10`);
  return settled.body as Booking;
}

/** The room's attendant answers after its delay: poll the room's calendar until it holds what is expected. */
async function roomHoldsEventually(s: { start: string; end: string }, expected: number): Promise<string[]> {
  const started = Date.now();
  for (;;) {
    const held = await roomHolds(s);
    if (held.length === expected || Date.now() - started > 10_000) return held;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function roomHolds(s: { start: string; end: string }): Promise<string[]> {
  const window = { start: new Date(Date.parse(s.start) - DAY_MS), end: new Date(Date.parse(s.end) + DAY_MS) };
  return (await readRoomCalendar(account, LUHE, window)).filter((e) => e.start === s.start).map((e) => e.subject);
}

beforeAll(async () => {
  sim = await startExchangeSim({ seed: 'demo', attendantDelayMs: 50, validateRequests: false });
  account = { url: sim.url, caCertPem: sim.control.caCertPem };
  db = await createTestDatabase();
  testApp = createTestApp(db.knex, { displays: { publicUrl: 'https://rooms.example.test' } });
  admin = await testApp.tokenFor('admin');
  await connectToDemoSim(testApp.app, admin, sim);
  const floorId = await buildFloor(db.knex, { buildingId: await buildBuilding(db.knex, { openingHours: {} }) });
  externalRoom = await buildRoom(db.knex, { floorId, exchangeEmail: LUHE, bookableExternal: true, name: 'Luhe' });
  employeeRoom = await buildRoom(db.knex, { floorId, exchangeEmail: ELBE, name: 'Elbe' });
  await db.knex('rooms').whereIn('id', [externalRoom, employeeRoom]).update({ exchange_state: 'verified' });
  await testApp.sync.restart(await testApp.deps.exchange.gateway());
}, 90_000);

afterAll(async () => {
  await testApp.deps.bookings.idle();
  await testApp.sync.restart(null);
  await sim.close();
  await db.close();
});

describe('the external path', () => {
  it('invite → accept → sign in → book → confirmed in Exchange → cancel', async () => {
    const invitation = await invite('mara.kowalski@hafenbau.example', 'Mara Kowalski');
    expect(invitation).toMatchObject({ email: 'mara.kowalski@hafenbau.example', company: 'Hafenbau GmbH' });
    expect(invitation.link).toMatch(/^https:\/\/rooms\.example\.test\/externals\/accept\?token=/);
    // The invitation email carries the same link; the token itself is stored only hashed.
    const [mail] = await mailsTo('mara.kowalski@hafenbau.example');
    expect(mail?.kind).toBe('external-invitation');
    expect(linkIn(mail?.text ?? '')).toBe(invitation.link);
    const token = tokenOf(invitation.link ?? '');
    expect(await db.knex('external_links').where({ token_hash: token }).first()).toBeUndefined();

    const b = browser();
    const accepted = await b.post('/externals/accept', { token, password: 'harbour-crane-2026' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ user: { role: 'external', active: true } });
    expect((await b.post('/externals/accept', { token })).status).toBe(410);

    // A later sign-in with the password chosen.
    const signIn = await b.post('/auth/login', {
      email: 'mara.kowalski@hafenbau.example',
      password: 'harbour-crane-2026',
    });
    expect(signIn.status).toBe(200);
    b.signedIn(signIn.body as { csrfToken: string });

    // Only rooms open to externals may be booked.
    const refused = await b.post('/bookings', { roomId: employeeRoom, ...slot(0, 9), subject: 'Site meeting' });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect(refused.status).toBeLessThan(500);

    const s = slot(0, 10);
    const booking = await book(b, s, 'Site meeting');
    expect(booking.status).toBe('confirmed');
    expect(await roomHolds(s)).toHaveLength(1);

    const confirmation = (await mailsTo('mara.kowalski@hafenbau.example')).find(
      (m) => m.kind === 'external-booking-confirmed',
    );
    expect(confirmation?.subject).toContain('Luhe');
    expect(confirmation?.ics).toContain('BEGIN:VEVENT');
    expect(confirmation?.ics).toContain(`DTSTART:${s.start.replace(/[-:]/g, '').replace('.000', '')}`);

    expect((await b.delete(`/bookings/${booking.id}`)).status).toBe(204);
    expect(await roomHoldsEventually(s, 0)).toEqual([]);
    const cancellation = (await mailsTo('mara.kowalski@hafenbau.example')).find(
      (m) => m.kind === 'external-booking-cancelled',
    );
    expect(cancellation?.ics).toContain('STATUS:CANCELLED');

    const listed = ((await bearer(admin).get('/admin/externals')).body as { items: External[] }).items.find(
      (e) => e.email === 'mara.kowalski@hafenbau.example',
    );
    expect(listed).toMatchObject({ status: 'active', company: 'Hafenbau GmbH', bookings: 1, openBookings: 0 });
    expect(listed?.lastSignInAt).not.toBeNull();
  }, 60_000);

  it('signs in without a password by a one-time link, valid once and for 15 minutes', async () => {
    const invitation = await invite('jon.berg@hafenbau.example', 'Jon Berg');
    const b = browser();
    expect((await b.post('/externals/accept', { token: tokenOf(invitation.link ?? '') })).status).toBe(200);
    expect((await b.get('/auth/me')).status).toBe(200);

    const other = browser();
    expect((await other.post('/externals/sign-in-link', { email: 'Jon.Berg@hafenbau.example' })).status).toBe(204);
    const link = linkIn((await mailsTo('jon.berg@hafenbau.example')).at(-1)?.text ?? '');
    expect(link).toContain('/externals/sign-in?token=');
    const signedIn = await other.post('/externals/sign-in', { token: tokenOf(link) });
    expect(signedIn.status).toBe(200);
    other.signedIn(signedIn.body as { csrfToken: string });
    expect((await other.get('/auth/me')).body).toMatchObject({ user: { email: 'jon.berg@hafenbau.example' } });
    expect((await other.post('/externals/sign-in', { token: tokenOf(link) })).status).toBe(410);

    // A second link, whose 15 minutes have passed.
    await other.post('/externals/sign-in-link', { email: 'jon.berg@hafenbau.example' });
    const late = linkIn((await mailsTo('jon.berg@hafenbau.example')).at(-1)?.text ?? '');
    expect(late).not.toBe(link);
    await db
      .knex('external_links')
      .where({ purpose: 'sign-in', used_at: null })
      .update({ expires_at: new Date(Date.now() - 1000).toISOString() });
    expect((await other.post('/externals/sign-in', { token: tokenOf(late) })).status).toBe(410);

    // Unknown addresses get the same answer and no email.
    expect((await other.post('/externals/sign-in-link', { email: 'nobody@hafenbau.example' })).status).toBe(204);
    expect(await mailsTo('nobody@hafenbau.example')).toEqual([]);
  }, 30_000);
});

describe('deactivation and expiry', () => {
  it('deactivating cancels the future bookings in Exchange and ends the sessions: 401 everywhere', async () => {
    const { browser: b, id } = await activeExternal('ola.nord@hafenbau.example', 'Ola Nord');
    const s = slot(1, 11);
    expect((await book(b, s, 'Handover')).status).toBe('confirmed');
    expect(await roomHolds(s)).toHaveLength(1);

    const preview = await bearer(admin).get(`/admin/externals/${id}/deactivation`);
    expect(preview.body).toEqual({ futureBookings: 1 });
    const done = await bearer(admin).post(`/admin/externals/${id}/deactivate`, {});
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ cancelled: 1, failed: 0 });
    expect(await roomHoldsEventually(s, 0)).toEqual([]);

    expect((await b.get('/auth/me')).status).toBe(401);
    expect((await b.get('/bookings')).status).toBe(401);
    expect(
      (await b.post('/auth/login', { email: 'ola.nord@hafenbau.example', password: 'a-long-password-1' })).status,
    ).toBe(401);
    const before = (await mailsTo('ola.nord@hafenbau.example')).length;
    await browser().post('/externals/sign-in-link', { email: 'ola.nord@hafenbau.example' });
    expect((await mailsTo('ola.nord@hafenbau.example')).filter((m) => m.kind === 'external-sign-in')).toHaveLength(0);
    expect((await mailsTo('ola.nord@hafenbau.example')).length).toBe(before);
  }, 60_000);

  it('deactivating an external under Admin → Users cancels their future bookings in Exchange too', async () => {
    const { browser: b, id } = await activeExternal('per.sund@hafenbau.example', 'Per Sund');
    const s = slot(2, 13);
    expect((await book(b, s, 'Site walk')).status).toBe('confirmed');
    expect(await roomHolds(s)).toHaveLength(1);
    expect((await bearer(admin).get(`/admin/externals/${id}/deactivation`)).body).toEqual({ futureBookings: 1 });

    const res = await bearer(admin).patch(`/users/${id}`, { active: false });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, active: false, role: 'external' });
    expect(await roomHoldsEventually(s, 0)).toEqual([]);
    expect((await mailsTo('per.sund@hafenbau.example')).map((m) => m.kind)).toContain('external-booking-cancelled');
    expect((await b.get('/auth/me')).status).toBe(401);
    const listed = await bearer(admin).get('/admin/externals');
    expect((listed.body as { items: { id: string; status: string }[] }).items.find((e) => e.id === id)).toMatchObject({
      status: 'deactivated',
    });
  }, 60_000);

  it('an external past their end date is treated as deactivated', async () => {
    const { browser: b, id } = await activeExternal('pia.sund@hafenbau.example', 'Pia Sund');
    expect((await b.get('/auth/me')).status).toBe(200);
    const past = new Date(Date.now() - 60_000).toISOString();
    const res = await bearer(admin).put(`/admin/externals/${id}/expiry`, { accessExpiresAt: past });
    expect(res.body).toMatchObject({ status: 'expired' });
    expect(Date.parse((res.body as External).accessExpiresAt ?? '')).toBe(Date.parse(past));
    expect((await b.get('/auth/me')).status).toBe(401);
    expect(
      (await b.post('/auth/login', { email: 'pia.sund@hafenbau.example', password: 'a-long-password-1' })).status,
    ).toBe(401);
  }, 30_000);

  it('a deactivated external cannot use an old invitation link', async () => {
    const invitation = await invite('rik.ost@hafenbau.example', 'Rik Ost');
    await bearer(admin).post(`/admin/externals/${invitation.externalId}/deactivate`, {});
    expect((await browser().post('/externals/accept', { token: tokenOf(invitation.link ?? '') })).status).toBe(410);
  });
});

describe('limits and bad input', () => {
  it('holds an external to the installation’s number of open bookings', async () => {
    await bearer(admin).put('/admin/external-settings', {
      employeesMayInvite: false,
      invitationsPerDay: 20,
      maxOpenBookings: 1,
    });
    const { browser: b } = await activeExternal('uwe.west@hafenbau.example', 'Uwe West');
    expect((await book(b, slot(2, 9), 'First')).status).toBe('confirmed');
    const second = await b.post('/bookings', { roomId: externalRoom, ...slot(2, 13), subject: 'Second' });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ error: { details: { reason: 'open-bookings-limit', limit: 1 } } });
    await bearer(admin).put('/admin/external-settings', {
      employeesMayInvite: false,
      invitationsPerDay: 20,
      maxOpenBookings: 5,
    });
  }, 60_000);

  it('lets employees invite only when allowed, within their daily limit, and never externals', async () => {
    const employee = await testApp.tokenFor('employee');
    const input = (n: number) => ({ email: `guest${n}@partner.example`, name: `Guest ${n}` });
    expect((await bearer(employee).post('/externals/invitations', input(1))).status).toBe(403);
    expect((await bearer(employee).get('/externals/invitation-rights')).body).toEqual({
      mayInvite: false,
      perDay: null,
    });

    await bearer(admin).put('/admin/external-settings', {
      employeesMayInvite: true,
      invitationsPerDay: 2,
      maxOpenBookings: 5,
    });
    expect((await bearer(employee).get('/externals/invitation-rights')).body).toEqual({ mayInvite: true, perDay: 2 });
    expect((await bearer(admin).get('/externals/invitation-rights')).body).toEqual({ mayInvite: true, perDay: null });
    const first = await bearer(employee).post('/externals/invitations', input(1));
    expect(first.status).toBe(201);
    expect((first.body as ExternalInvitation).link).toBeNull();
    expect((await bearer(employee).post('/externals/invitations', input(2))).status).toBe(201);
    const third = await bearer(employee).post('/externals/invitations', input(3));
    expect(third.status).toBe(429);
    expect(await db.knex('users').where({ email: 'guest3@partner.example' }).first()).toBeUndefined();

    const { id } = await activeExternal('vera.sued@hafenbau.example', 'Vera Sued');
    const externalToken = (await testApp.deps.auth.createApiToken(id, { name: 'test' })).token;
    expect((await bearer(externalToken).post('/externals/invitations', input(4))).status).toBe(403);
    await bearer(admin).put('/admin/external-settings', {
      employeesMayInvite: false,
      invitationsPerDay: 20,
      maxOpenBookings: 5,
    });
  }, 30_000);

  it('refuses to turn an employee into an external, and malformed input, changing nothing', async () => {
    const employee = await buildUser(db.knex, { role: 'employee', email: 'emma@northwind.test' });
    expect((await bearer(admin).post('/externals/invitations', { email: employee.email, name: 'Emma' })).status).toBe(
      409,
    );
    expect((await bearer(admin).post('/externals/invitations', { email: 'not-an-email', name: 'X' })).status).toBe(400);
    expect((await browser().post('/externals/accept', { token: 'short' })).status).toBe(400);
    expect((await browser().post('/externals/accept', { token: 'a'.repeat(43) })).status).toBe(404);
    const weak = await invite('weak@hafenbau.example', 'Weak Password');
    expect(
      (await browser().post('/externals/accept', { token: tokenOf(weak.link ?? ''), password: 'short' })).status,
    ).toBe(400);
    // The refused attempt left the link usable.
    expect((await browser().post('/externals/accept', { token: tokenOf(weak.link ?? '') })).status).toBe(200);
  });

  it('imports a CSV, inviting the good rows and reporting each bad one', async () => {
    const csv = [
      'name,email,company',
      'Lena Holm,lena.holm@werft.example,Werft AG',
      'No Email,,Werft AG',
      'Tom Kai,tom.kai@werft.example,',
      'Lena Again,LENA.HOLM@werft.example,Werft AG',
    ].join('\n');
    const res = await bearer(admin).post('/admin/externals/import', { csv });
    expect(res.status).toBe(200);
    const result = res.body as ExternalImportResult;
    expect(result.invited.map((i) => [i.email, i.company])).toEqual([
      ['lena.holm@werft.example', 'Werft AG'],
      ['tom.kai@werft.example', null],
    ]);
    expect(result.errors.map((e) => e.row)).toEqual([3, 5]);
    expect((await mailsTo('tom.kai@werft.example')).map((m) => m.kind)).toEqual(['external-invitation']);
    expect((await bearer(admin).post('/admin/externals/import', { csv: 'who,what\nx,y' })).status).toBe(400);
  });
});
