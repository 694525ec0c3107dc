import { createHash, verify, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startExchangeSim, type RunningExchangeSim } from '../index';
import { EwsError } from '../model/errors';
import { loadSeedFile } from '../model/seed';

/** Identity tokens as Exchange issues them, checked with nothing but node:crypto. */

const AUDIENCE = 'https://rooms.example.test/taskpane.html';
const EMMA = 'emma.schmidt@northwind.test';

let sim: RunningExchangeSim;
beforeAll(async () => {
  sim = await startExchangeSim({ http: true, seed: 'demo', validateRequests: false });
});
afterAll(() => sim.close());

const part = (token: string, index: number): Record<string, unknown> =>
  JSON.parse(Buffer.from(token.split('.')[index] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

interface Metadata {
  keys: Array<{ usage: string; keyinfo: { x5t: string }; keyvalue: { type: string; value: string } }>;
}

describe('identity tokens', () => {
  it('carry Exchange’s header and claims, times as strings and appctx as a JSON string', () => {
    sim.control.model.clock.freeze(Date.parse('2026-11-23T08:00:00Z'));
    const token = sim.control.identity.mint({ mailbox: EMMA, audience: AUDIENCE });
    sim.control.model.clock.unfreeze();
    const header = part(token, 0);
    const payload = part(token, 1);
    expect(header).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    expect(payload).toMatchObject({
      aud: AUDIENCE,
      iss: '00000002-0000-0ff1-ce00-000000000000@127.0.0.1',
      appctxsender: '00000002-0000-0ff1-ce00-000000000000@127.0.0.1',
      isbrowserhostedapp: 'true',
      nbf: String(Date.parse('2026-11-23T08:00:00Z') / 1000),
      exp: String(Date.parse('2026-11-23T16:00:00Z') / 1000),
    });
    expect(JSON.parse(payload.appctx as string)).toEqual({
      msexchuid: sim.control.model.findMailbox(EMMA)?.mailboxGuid,
      version: 'ExIdTok.V1',
      amurl: `${sim.baseUrl}/autodiscover/metadata/json/1`,
    });
  });

  it('are signed by the certificate the metadata document publishes under their x5t', async () => {
    const token = sim.control.identity.mint({ mailbox: EMMA, audience: AUDIENCE });
    const metadata = (await fetch(`${sim.baseUrl}/autodiscover/metadata/json/1`).then((r) => r.json())) as Metadata;
    const key = metadata.keys.find((k) => k.keyinfo.x5t === part(token, 0).x5t);
    expect(key?.keyvalue.type).toBe('x509Certificate');
    const der = Buffer.from(key?.keyvalue.value ?? '', 'base64');
    expect(createHash('sha1').update(der).digest('base64url')).toBe(key?.keyinfo.x5t);
    const [h, p, s] = token.split('.');
    const cert = new X509Certificate(der);
    expect(verify('RSA-SHA256', Buffer.from(`${h}.${p}`), cert.publicKey, Buffer.from(s ?? '', 'base64url'))).toBe(
      true,
    );
  });

  it('are minted over the control API, and refused for unknown mailboxes', async () => {
    const post = (body: unknown) =>
      fetch(`${sim.baseUrl}/sim/identity-token`, { method: 'POST', body: JSON.stringify(body) });
    const ok = await post({ mailbox: EMMA, audience: AUDIENCE });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { token: string }).token.split('.')).toHaveLength(3);
    expect((await post({ mailbox: 'nobody@northwind.test', audience: AUDIENCE })).status).toBe(404);
    expect((await post({ mailbox: EMMA })).status).toBe(400);
  });

  it('name a user whom ResolveNames finds by the msexchuid', () => {
    const guid = sim.control.model.findMailbox(EMMA)?.mailboxGuid ?? '';
    expect(sim.control.model.resolveNames(guid).map((r) => r.mailbox.smtp)).toEqual([EMMA]);
  });
});

describe('an account whose msexchuid is <guid>@<server> (seed identityTokenUid: mailboxGuidAtServer)', () => {
  const LUKAS = 'lukas.meyer@northwind.test';
  let other: RunningExchangeSim;
  beforeAll(async () => {
    const seed = loadSeedFile('demo');
    const accounts = seed.accounts.map((a) =>
      a.email === LUKAS ? { ...a, identityTokenUid: 'mailboxGuidAtServer' as const } : a,
    );
    other = await startExchangeSim({ http: true, seed: { ...seed, accounts }, validateRequests: false });
  });
  afterAll(() => other.close());

  it('gets tokens with that msexchuid, which ResolveNames does not find', () => {
    const token = other.control.identity.mint({ mailbox: LUKAS, audience: AUDIENCE });
    const guid = other.control.model.findMailbox(LUKAS)?.mailboxGuid ?? '';
    const uid = (JSON.parse(part(token, 1).appctx as string) as { msexchuid: string }).msexchuid;
    expect(uid).toBe(`${guid}@127.0.0.1`);
    expect(() => other.control.model.resolveNames(uid)).toThrow(EwsError);
  });

  it('leaves the other accounts as they were', () => {
    const token = other.control.identity.mint({ mailbox: EMMA, audience: AUDIENCE });
    const uid = (JSON.parse(part(token, 1).appctx as string) as { msexchuid: string }).msexchuid;
    expect(other.control.model.resolveNames(uid).map((r) => r.mailbox.smtp)).toEqual([EMMA]);
  });
});
