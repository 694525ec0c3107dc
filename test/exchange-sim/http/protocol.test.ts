import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { all, impersonate, RawClient, text } from '../testkit/client';
import { describeWithSchemas, invalidDocuments } from '../testkit/schemas';
import { startExchangeSim } from '../index';
import { EMMA, LUKAS, SERVICE, startTestSim, type TestSim } from '../testkit/sim';

const GET_CALENDAR =
  '<m:GetFolder><m:FolderShape><t:BaseShape>Default</t:BaseShape></m:FolderShape><m:FolderIds><t:DistinguishedFolderId Id="calendar"/></m:FolderIds></m:GetFolder>';

describeWithSchemas('EWS endpoint: HTTP, authentication, SOAP envelope', () => {
  let sim: TestSim;
  let client: RawClient;
  beforeAll(async () => {
    sim = await startTestSim();
    client = new RawClient(sim.url);
  });
  afterAll(async () => {
    client.close();
    await sim.close();
  });

  it('asks for credentials like IIS: 401 offering Negotiate, NTLM and Basic', async () => {
    const res = await client.send('POST', '<x/>', {});
    expect(res.status).toBe(401);
    const offers = res.rawHeaders.filter((_v, i) => res.rawHeaders[i - 1]?.toLowerCase() === 'www-authenticate');
    expect(offers).toEqual(['Negotiate', 'NTLM', 'Basic realm="127.0.0.1"']);
  });

  it('refuses wrong Basic credentials with 401', async () => {
    const res = await client.soap({ user: SERVICE.user, password: 'nope' }, GET_CALENDAR);
    expect(res.status).toBe(401);
  });

  it.each([
    ['DOMAIN\\user', 'NORTHWIND\\emma.schmidt'],
    ['UPN', 'emma.schmidt@northwind.test'],
    ['bare user name', 'emma.schmidt'],
  ])('accepts Basic logon as %s', async (_label, user) => {
    const res = await client.soap({ user, password: EMMA.password }, GET_CALENDAR);
    expect(res.status).toBe(200);
    expect(res.body?.localName).toBe('GetFolderResponse');
    expect(text(res.body, 'ResponseCode')).toBe('NoError');
  });

  it('answers with the Exchange 2019 ServerVersionInfo header', async () => {
    const res = await client.soap(EMMA, GET_CALENDAR);
    expect(res.text).toMatch(/<h:ServerVersionInfo MajorVersion="15" MinorVersion="2" [^>]*Version="V2017_07_11"/);
    expect(res.headers['content-type']).toBe('text/xml; charset=utf-8');
  });

  it('authenticates a keep-alive connection with NTLMv2 and keeps it authenticated', async () => {
    const ntlm = new RawClient(sim.url);
    try {
      await ntlm.ntlmHandshake({ user: 'NORTHWIND\\emma.schmidt', password: EMMA.password });
      const first = await ntlm.soap({ ...EMMA, scheme: 'ntlm' }, GET_CALENDAR);
      expect(first.status).toBe(200);
      const second = await ntlm.soap({ ...EMMA, scheme: 'ntlm' }, GET_CALENDAR);
      expect(second.status).toBe(200);
    } finally {
      ntlm.close();
    }
  });

  it('does not let another connection ride on an NTLM logon', async () => {
    const ntlm = new RawClient(sim.url);
    const other = new RawClient(sim.url);
    try {
      await ntlm.ntlmHandshake({ user: 'emma.schmidt@northwind.test', password: EMMA.password });
      const res = await other.soap({ ...EMMA, scheme: 'ntlm' }, GET_CALENDAR);
      expect(res.status).toBe(401);
    } finally {
      ntlm.close();
      other.close();
    }
  });

  it('accepts raw NTLMSSP inside the Negotiate scheme', async () => {
    const negotiate = new RawClient(sim.url);
    try {
      await negotiate.ntlmHandshake({ user: 'emma.schmidt', password: EMMA.password }, 'Negotiate');
      expect((await negotiate.soap({ ...EMMA, scheme: 'ntlm' }, GET_CALENDAR)).status).toBe(200);
    } finally {
      negotiate.close();
    }
  });

  it('refuses an NTLM logon with a wrong password', async () => {
    const ntlm = new RawClient(sim.url);
    try {
      await expect(ntlm.ntlmHandshake({ user: 'NORTHWIND\\emma.schmidt', password: 'wrong' })).rejects.toThrow(
        'refused with 401',
      );
    } finally {
      ntlm.close();
    }
  });

  it('rejects a body that does not match messages.xsd with an ErrorSchemaValidation fault', async () => {
    const res = await client.soap(EMMA, '<m:GetFolder><m:Bogus/></m:GetFolder>');
    expect(res.status).toBe(500);
    expect(text(res.body, 'faultcode')).toBe('a:ErrorSchemaValidation');
    expect(text(res.body, 'ResponseCode')).toBe('ErrorSchemaValidation');
  });

  it('rejects malformed XML with ErrorSchemaValidation', async () => {
    const res = await client.send('POST', '<soap:Envelope><unclosed>', {
      Authorization: `Basic ${Buffer.from(`${EMMA.user}:${EMMA.password}`).toString('base64')}`,
    });
    expect(res.status).toBe(500);
    expect(res.text).toContain('ErrorSchemaValidation');
  });

  it('answers an operation it does not implement with a SOAP fault, never a success', async () => {
    const res = await client.soap(
      EMMA,
      '<m:GetInboxRules><m:MailboxSmtpAddress>emma.schmidt@northwind.test</m:MailboxSmtpAddress></m:GetInboxRules>',
    );
    expect(res.status).toBe(500);
    expect(res.body?.localName).toBe('Fault');
  });

  it.each(['Exchange2010_SP1', 'Exchange2013', 'Exchange2016', 'V2015_10_05'])(
    'accepts RequestServerVersion %s',
    async (version) => {
      const res = await client.soap(EMMA, GET_CALENDAR, { version });
      expect(res.status).toBe(200);
    },
  );

  it('rejects an unknown RequestServerVersion', async () => {
    const res = await client.soap(EMMA, GET_CALENDAR, { version: 'Exchange2099' });
    expect(res.status).toBe(500);
    expect(text(res.body, 'ResponseCode')).toBe('ErrorInvalidServerVersion');
  });

  describe('impersonation', () => {
    it('lets the service account act as a room, by every address form', async () => {
      const room = 'room.harbour.0.elbe@northwind.test';
      const mailbox = sim.control.model.findMailbox(room);
      expect(mailbox).toBeDefined();
      for (const header of [
        impersonate(room, 'PrimarySmtpAddress'),
        impersonate(room, 'SmtpAddress'),
        impersonate(mailbox?.userPrincipalName ?? '', 'PrincipalName'),
        impersonate(mailbox?.sid ?? '', 'SID'),
      ]) {
        const res = await client.soap(SERVICE, GET_CALENDAR, {
          impersonation: header,
          httpHeaders: { 'X-AnchorMailbox': room },
        });
        expect(res.status).toBe(200);
        expect(text(res.body, 'ResponseCode')).toBe('NoError');
      }
    });

    it('denies impersonation to an account without the right', async () => {
      const res = await client.soap(LUKAS, GET_CALENDAR, { impersonation: impersonate('emma.schmidt@northwind.test') });
      expect(res.status).toBe(500);
      expect(text(res.body, 'faultcode')).toBe('a:ErrorImpersonateUserDenied');
    });

    it('answers ErrorNonExistentMailbox for an unknown address', async () => {
      const res = await client.soap(SERVICE, GET_CALENDAR, { impersonation: impersonate('nobody@northwind.test') });
      expect(res.status).toBe(500);
      expect(text(res.body, 'ResponseCode')).toBe('ErrorNonExistentMailbox');
    });

    it('answers ErrorInvalidExchangeImpersonationHeaderData for a malformed header', async () => {
      const res = await client.soap(SERVICE, GET_CALENDAR, {
        impersonation: '<t:ExchangeImpersonation><t:ConnectingSID></t:ConnectingSID></t:ExchangeImpersonation>',
      });
      expect(res.status).toBe(500);
      expect(text(res.body, 'ResponseCode')).toBe('ErrorInvalidExchangeImpersonationHeaderData');
    });
  });

  describe('faults and control API', () => {
    it('injects ErrorServerBusy as an HTTP 500 fault with BackOffMilliseconds', async () => {
      const added = await sim.controlCall('POST', '/sim/faults', {
        kind: 'serverBusy',
        backOffMilliseconds: 1234,
        count: 1,
      });
      expect(added.status).toBe(200);
      const busy = await client.soap(EMMA, GET_CALENDAR);
      expect(busy.status).toBe(500);
      expect(text(busy.body, 'faultcode')).toBe('a:ErrorServerBusy');
      const value = all(busy.body, 'Value')[0];
      expect(value?.getAttribute('Name')).toBe('BackOffMilliseconds');
      expect(value?.textContent).toBe('1234');
      const after = await client.soap(EMMA, GET_CALENDAR);
      expect(after.status).toBe(200);
    });

    it('injects HTTP 503 and latency', async () => {
      await sim.controlCall('POST', '/sim/faults', { kind: 'http503', count: 1 });
      expect((await client.soap(EMMA, GET_CALENDAR)).status).toBe(503);
      await sim.controlCall('POST', '/sim/faults', { kind: 'latency', latencyMs: 300, count: 1 });
      const started = Date.now();
      expect((await client.soap(EMMA, GET_CALENDAR)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    });

    it('answers ErrorMailboxMoveInProgress per message when injected', async () => {
      await sim.controlCall('POST', '/sim/faults', { kind: 'mailboxMoveInProgress', count: 1 });
      const res = await client.soap(EMMA, GET_CALENDAR);
      expect(res.status).toBe(200);
      expect(text(res.body, 'ResponseCode')).toBe('ErrorMailboxMoveInProgress');
    });

    it('answers ErrorServerBusy above the per-account concurrency limit', async () => {
      // Without request validation, so that the timing depends on the limit only.
      const fast = await startTestSim({ validateRequests: false });
      const first = new RawClient(fast.url);
      const second = new RawClient(fast.url);
      try {
        await fast.controlCall('POST', '/sim/faults', { kind: 'concurrencyLimit', limit: 1 });
        await fast.controlCall('POST', '/sim/faults', { kind: 'latency', latencyMs: 600, count: 1 });
        const slow = first.soap(EMMA, GET_CALENDAR);
        await new Promise((r) => setTimeout(r, 150));
        const rejected = await second.soap(EMMA, GET_CALENDAR);
        expect(rejected.status).toBe(500);
        expect(text(rejected.body, 'ResponseCode')).toBe('ErrorServerBusy');
        expect((await slow).status).toBe(200);
        const other = await second.soap(LUKAS, GET_CALENDAR);
        expect(other.status).toBe(200);
      } finally {
        first.close();
        second.close();
        await fast.close();
      }
    });

    it('counts requests by operation and by account', async () => {
      await sim.controlCall('DELETE', '/sim/stats');
      await client.soap(EMMA, GET_CALENDAR);
      await client.soap(LUKAS, GET_CALENDAR);
      const stats = await sim.controlCall('GET', '/sim/stats');
      expect(stats.json).toMatchObject({
        total: 2,
        byOperation: { GetFolder: 2 },
        byAccount: { 'emma.schmidt@northwind.test': 1, 'lukas.meyer@northwind.test': 1 },
      });
    });

    it('freezes and advances the clock', async () => {
      const frozen = await sim.controlCall('POST', '/sim/clock', { freeze: '2030-01-01T00:00:00Z' });
      expect(frozen.json).toEqual({ now: '2030-01-01T00:00:00.000Z', frozen: true });
      const advanced = await sim.controlCall('POST', '/sim/clock', { advanceMs: 60_000 });
      expect(advanced.json).toEqual({ now: '2030-01-01T00:01:00.000Z', frozen: true });
      await sim.controlCall('POST', '/sim/clock', { unfreeze: true });
    });

    it('rejects an unknown fault kind with 400', async () => {
      const res = await sim.controlCall('POST', '/sim/faults', { kind: 'meteorStrike' });
      expect(res.status).toBe(400);
    });
  });

  it('produced only schema-valid response bodies', async () => {
    expect(sim.responses.length).toBeGreaterThan(10);
    expect(await invalidDocuments(sim.responses)).toEqual([]);
  });
});

describe('EWS endpoint without Basic', () => {
  it('offers only Negotiate and NTLM and refuses Basic credentials', async () => {
    const sim = await startExchangeSim({ http: true, seed: 'demo', basicAuth: false, validateRequests: false });
    const client = new RawClient(sim.url);
    try {
      const res = await client.soap(EMMA, GET_CALENDAR);
      expect(res.status).toBe(401);
      const offers = res.rawHeaders.filter((_v, i) => res.rawHeaders[i - 1]?.toLowerCase() === 'www-authenticate');
      expect(offers).toEqual(['Negotiate', 'NTLM']);
    } finally {
      client.close();
      await sim.close();
    }
  });
});

describe('EWS endpoint over https', () => {
  it('serves TLS with a generated CA that clients can trust', async () => {
    const sim = await startExchangeSim({ seed: 'demo', validateRequests: false });
    const client = new RawClient(sim.url, sim.control.caCertPem);
    try {
      expect(sim.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/EWS\/Exchange\.asmx$/);
      const res = await client.soap(EMMA, GET_CALENDAR);
      expect(res.status).toBe(200);
      const untrusted = new RawClient(sim.url);
      await expect(untrusted.soap(EMMA, GET_CALENDAR)).rejects.toThrow();
      untrusted.close();
    } finally {
      client.close();
      await sim.close();
    }
  });
});
