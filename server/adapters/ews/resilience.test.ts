import { describe, expect, it } from '@jest/globals';
import { GatewayError } from '../../ports/calendarGateway';
import { createRunner, DEFAULT_POLICY } from './resilience';

/** Failures shaped like ews-javascript-api's SoapFaultDetails. */
const serverBusy = (ms: number) => ({
  message: 'The server cannot service this request right now.',
  responseCode: 363,
  HttpStatusCode: 500,
  errorDetails: { get: (k: string) => (k === 'BackOffMilliseconds' ? String(ms) : undefined) },
});
const http503 = { message: '', responseCode: 0, HttpStatusCode: 503 };
const http401 = { message: '401 Unauthorized', responseCode: 0, HttpStatusCode: 401 };

function failingTimes(n: number, failure: unknown): () => Promise<string> {
  let calls = 0;
  return () =>
    new Promise((resolve, reject) => {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- ews-javascript-api rejects with plain objects
      if (++calls <= n) reject(failure);
      else resolve(`ok after ${calls}`);
    });
}

describe('EWS call resilience', () => {
  const waits: number[] = [];
  const hooks = { sleep: (ms: number) => (waits.push(ms), Promise.resolve()), random: () => 0.5 };

  it('waits what ErrorServerBusy asks, then retries', async () => {
    waits.length = 0;
    const run = createRunner('https://ex/EWS/Exchange.asmx', DEFAULT_POLICY, hooks);
    await expect(run(failingTimes(2, serverBusy(700)))).resolves.toBe('ok after 3');
    expect(waits).toEqual([700, 700]);
  });

  it('backs off exponentially with jitter on HTTP 503', async () => {
    waits.length = 0;
    const run = createRunner('https://ex/EWS/Exchange.asmx', { ...DEFAULT_POLICY, baseBackOffMs: 100 }, hooks);
    await expect(run(failingTimes(3, http503))).resolves.toBe('ok after 4');
    expect(waits).toEqual([50, 100, 200]);
  });

  it('gives up as throttled after the attempts, and on a longer wait than allowed', async () => {
    const run = createRunner('https://ex/EWS/Exchange.asmx', { ...DEFAULT_POLICY, maxAttempts: 2 }, hooks);
    await expect(run(failingTimes(5, serverBusy(10)))).rejects.toMatchObject({
      kind: 'throttled',
      serverCode: 'ErrorServerBusy',
      retryAfterMs: 10,
    });
    await expect(run(failingTimes(1, serverBusy(600_000)))).rejects.toMatchObject({
      kind: 'throttled',
      retryAfterMs: 600_000,
    });
  });

  it('does not retry other failures and maps them', async () => {
    const run = createRunner('https://ex/EWS/Exchange.asmx', DEFAULT_POLICY, hooks);
    const err = await run(failingTimes(1, http401)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GatewayError);
    expect(err).toMatchObject({ kind: 'auth', message: expect.stringContaining('username or password') });
  });

  it('holds at most `concurrency` calls in flight', async () => {
    const run = createRunner('https://ex/EWS/Exchange.asmx', { ...DEFAULT_POLICY, concurrency: 3 }, hooks);
    let inFlight = 0;
    let peak = 0;
    const call = async () => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
    };
    await Promise.all(Array.from({ length: 10 }, () => run(call)));
    expect(peak).toBe(3);
  });

  it('fails a call that never settles as transient and frees its slot', async () => {
    const run = createRunner(
      'https://ex/EWS/Exchange.asmx',
      { ...DEFAULT_POLICY, concurrency: 1, callTimeoutMs: 30 },
      hooks,
    );
    const hung = run(() => new Promise<string>(() => undefined));
    await expect(hung).rejects.toMatchObject({ kind: 'transient', message: expect.stringContaining('did not answer') });
    await expect(run(() => Promise.resolve('next'))).resolves.toBe('next');
  });
});
