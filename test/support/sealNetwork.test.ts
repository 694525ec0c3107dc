import { afterEach, describe, expect, it } from '@jest/globals';
import dns from 'node:dns';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { SealedNetworkError, takeRefusals } from './sealNetwork';

/**
 * The network seal every test file runs under (jest.config.js → sealedTests.ts). The refusals
 * below are read with takeRefusals(), so that this file's own tests do not fail for them.
 * Nothing here reaches another host: the seal refuses before a socket connects or a name is asked.
 */

const FAST_MS = 200;

/** The error a socket ends with, and what happened to it before. */
async function outcomeOf(socket: net.Socket): Promise<{ error: unknown; events: string[]; ms: number }> {
  const started = Date.now();
  const events: string[] = [];
  for (const event of ['lookup', 'connect', 'secureConnect', 'ready'])
    socket.once(event, () => {
      events.push(event);
    });
  const error: unknown = (await once(socket, 'error'))[0];
  return { error, events, ms: Date.now() - started };
}

afterEach(() => {
  expect(takeRefusals()).toEqual([]);
});

describe('a connection to another host', () => {
  it('is refused before it connects, naming the address, by net.connect', async () => {
    const { error, events, ms } = await outcomeOf(net.connect(80, '10.255.255.1'));
    expect(error).toBeInstanceOf(SealedNetworkError);
    expect(error).toMatchObject({ code: 'ECONNREFUSED', message: expect.stringContaining('10.255.255.1:80') });
    expect(events).toEqual([]);
    expect(ms).toBeLessThan(FAST_MS);
    expect(takeRefusals().map((e) => e.target)).toEqual(['10.255.255.1:80']);
  });

  it('is refused before the name is looked up, by tls.connect and an IPv6 address', async () => {
    const tlsOutcome = await outcomeOf(tls.connect({ host: 'example.com', port: 443 }));
    expect(tlsOutcome.error).toMatchObject({ code: 'ENOTFOUND', message: expect.stringContaining('example.com') });
    expect(tlsOutcome.events).toEqual([]);
    const v6 = await outcomeOf(net.connect({ host: '2001:db8::1', port: 443 }));
    expect(v6.error).toMatchObject({ code: 'ECONNREFUSED', message: expect.stringContaining('2001:db8::1') });
    expect(takeRefusals().map((e) => e.target)).toEqual(['example.com', '2001:db8::1:443']);
  });

  it('fails an HTTP request and fetch with the sealed error as the cause', async () => {
    const request = http.get('http://example.com/');
    const httpError: unknown = (await once(request, 'error'))[0];
    expect(httpError).toMatchObject({ code: 'ENOTFOUND', message: expect.stringContaining('example.com') });

    const started = Date.now();
    const fetched = await fetch('https://example.com/').then(
      () => null,
      (err: unknown) => err,
    );
    expect(Date.now() - started).toBeLessThan(FAST_MS * 5);
    // Node's fetch (undici) connects through net as well; its TypeError comes from outside jest's realm.
    const failure = fetched as { name?: unknown; cause?: { message?: unknown } };
    expect(failure.name).toBe('TypeError');
    expect(failure.cause?.message).toEqual(expect.stringContaining('ENOTFOUND example.com (tests are sealed'));
    expect(takeRefusals().map((e) => e.target)).toEqual(['example.com', 'example.com']);
  });

  it('looks no name up in DNS, through every door', async () => {
    await expect(dns.promises.lookup('example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(dns.promises.resolve4('example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    await expect(new dns.promises.Resolver().resolveMx('example.com')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    const [callbackError] = await new Promise<unknown[]>((resolve) => {
      dns.lookup('example.org', (...args) => resolve(args));
    });
    expect(callbackError).toMatchObject({ code: 'ENOTFOUND', message: expect.stringContaining('example.org') });
    expect(takeRefusals()).toHaveLength(4);
  });

  it('answers a name under .invalid as not found without failing the test (it never resolves anywhere)', async () => {
    await expect(dns.promises.lookup('exchange.does-not-exist.invalid')).rejects.toMatchObject({
      code: 'ENOTFOUND',
      message: expect.stringContaining('getaddrinfo ENOTFOUND exchange.does-not-exist.invalid'),
    });
    expect(takeRefusals()).toEqual([]);
  });
});

describe('this machine', () => {
  async function echoServer(listen: (server: net.Server) => void): Promise<net.Server> {
    const server = net.createServer((socket) => socket.end('hello'));
    listen(server);
    await once(server, 'listening');
    return server;
  }

  async function greeting(socket: net.Socket): Promise<string> {
    let text = '';
    socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    await once(socket, 'end');
    return text;
  }

  it('is reachable over loopback, by address and as localhost', async () => {
    const server = await echoServer((s) => s.listen(0, '127.0.0.1'));
    try {
      const { port } = server.address() as net.AddressInfo;
      expect(await greeting(net.connect(port, '127.0.0.1'))).toBe('hello');
      expect(await greeting(net.connect({ port, host: 'localhost', family: 4 }))).toBe('hello');
      expect((await dns.promises.lookup('localhost', { family: 4 })).address).toBe('127.0.0.1');
    } finally {
      server.close();
    }
  });

  it('is reachable over a unix socket', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'seal-'));
    const socketPath = path.join(dir, 'echo.sock');
    const server = await echoServer((s) => s.listen(socketPath));
    try {
      expect(await greeting(net.connect(socketPath))).toBe('hello');
    } finally {
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
