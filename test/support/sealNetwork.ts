import dns from 'node:dns';
import net from 'node:net';

/**
 * Seals every test file from the network: a connection (net, tls, http, https, fetch — they all
 * end in `net.Socket#connect`) or a DNS query for anything but this machine is refused before a
 * packet leaves, with an error that names the target, and the test that tried it fails.
 * Loopback (127.0.0.0/8, ::1, `localhost`) and unix sockets stay open: the simulator, test
 * servers and PostgreSQL at 127.0.0.1 live there.
 *
 * Names under `.invalid` (RFC 6761: they never resolve) are answered "not found" without failing
 * the test, which is how tests reach the "unknown host" paths without asking a DNS server.
 *
 * Child processes (test/support/serverProcess.ts) and worker threads load their own modules and
 * are not sealed by this file; they are started by tests pointing them at loopback.
 */

/** Worded like Node's own getaddrinfo and connect errors, so callers classify it as the real one. */
export class SealedNetworkError extends Error {
  readonly syscall: 'getaddrinfo' | 'connect';

  constructor(
    readonly code: 'ECONNREFUSED' | 'ENOTFOUND',
    readonly target: string,
  ) {
    const syscall = code === 'ENOTFOUND' ? 'getaddrinfo' : 'connect';
    super(`${syscall} ${code} ${target} (tests are sealed from the network: only loopback is allowed)`);
    this.name = 'SealedNetworkError';
    this.syscall = syscall;
  }
}

const isLoopbackAddress = (address: string): boolean => {
  const plain = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (net.isIPv4(plain)) return plain.startsWith('127.') || plain === '0.0.0.0';
  if (net.isIPv6(plain)) return plain === '::1' || plain === '::' || /^::ffff:127\./.test(plain);
  return false;
};

/** Local without asking anyone: a loopback address, `localhost`, or no host (Node means localhost). */
export function isLocalTarget(host: string | undefined | null): boolean {
  if (host === undefined || host === null || host === '') return true;
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || isLoopbackAddress(name);
}

const isReservedInvalid = (host: string): boolean => /(^|\.)invalid\.?$/i.test(host);

export interface Seal {
  /** Refusals the current test has not been told about yet. */
  readonly refused: SealedNetworkError[];
}

const ORIGINALS = Symbol.for('roomserve.test.sealNetwork.originals');

type Connect = (this: net.Socket, ...args: unknown[]) => net.Socket;
type AnyFunction = (...args: unknown[]) => unknown;

interface Originals {
  readonly connect: Connect;
  readonly dns: Map<object, Map<string, AnyFunction>>;
}

/** The functions as Node made them, kept on the module across test files of one worker. */
function originals(): Originals {
  const holder = net.Socket.prototype as unknown as Record<symbol, Originals | undefined>;
  holder[ORIGINALS] ??= { connect: net.Socket.prototype.connect as Connect, dns: new Map() };
  return holder[ORIGINALS];
}

interface ConnectTarget {
  readonly path?: unknown;
  readonly host?: unknown;
  readonly port?: unknown;
}

/** The target of `connect(options | path | port, host?)`, also in net's normalised array form. */
function targetOf(args: readonly unknown[]): ConnectTarget {
  const first: unknown = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (typeof first === 'object' && first !== null) return first;
  if (typeof first === 'string' && !/^\d+$/.test(first)) return { path: first };
  return { port: first, host: typeof args[1] === 'string' ? args[1] : undefined };
}

function refuse(seal: Seal, error: SealedNetworkError, counts: boolean): SealedNetworkError {
  if (counts) seal.refused.push(error);
  return error;
}

function sealConnect(seal: Seal, original: Connect): void {
  net.Socket.prototype.connect = function sealedConnect(this: net.Socket, ...args: unknown[]): net.Socket {
    const target = targetOf(args);
    const host = typeof target.host === 'string' ? target.host : undefined;
    if (target.path !== undefined || isLocalTarget(host)) return original.apply(this, args);
    const hostName = host ?? '';
    const error = net.isIP(hostName.replace(/^\[|\]$/g, ''))
      ? new SealedNetworkError('ECONNREFUSED', `${hostName}:${String(target.port)}`)
      : new SealedNetworkError('ENOTFOUND', hostName);
    refuse(seal, error, !isReservedInvalid(hostName));
    process.nextTick(() => this.destroy(error));
    return this;
  };
}

/** dns.lookup/resolve*…: the first argument is the name (or, for reverse, the address). */
function sealDnsFunctions(seal: Seal, owner: object, names: readonly string[], promises: boolean): void {
  const store = originals().dns;
  const saved = store.get(owner) ?? new Map<string, AnyFunction>();
  store.set(owner, saved);
  const record = owner as Record<string, unknown>;
  for (const name of names) {
    const current = record[name];
    if (typeof current !== 'function') continue;
    if (!saved.has(name)) saved.set(name, current as AnyFunction);
    const original = saved.get(name) as AnyFunction;
    record[name] = function sealedDns(this: unknown, ...args: unknown[]): unknown {
      const host = typeof args[0] === 'string' ? args[0] : undefined;
      // Looking up an address literal asks nobody.
      const literal = name === 'lookup' && host !== undefined && net.isIP(host) !== 0;
      if (literal || isLocalTarget(host)) return original.apply(this, args);
      const error = refuse(seal, new SealedNetworkError('ENOTFOUND', host ?? ''), !isReservedInvalid(host ?? ''));
      if (promises) return Promise.reject(error);
      const callback = args.findLast((a) => typeof a === 'function') as ((err: Error) => void) | undefined;
      if (callback) process.nextTick(() => callback(error));
      else throw error;
      return undefined;
    };
  }
}

const dnsNames = (owner: object): string[] =>
  Object.getOwnPropertyNames(owner).filter((n) => n === 'lookup' || n === 'reverse' || n.startsWith('resolve'));

let active: Seal | undefined;

/** Installs the seal for the current test file (replacing an earlier file's in the same worker). */
export function sealNetwork(): Seal {
  const seal: Seal = { refused: [] };
  active = seal;
  sealConnect(seal, originals().connect);
  sealDnsFunctions(seal, dns, dnsNames(dns), false);
  sealDnsFunctions(seal, dns.promises, dnsNames(dns.promises), true);
  sealDnsFunctions(seal, dns.Resolver.prototype, dnsNames(dns.Resolver.prototype), false);
  sealDnsFunctions(seal, dns.promises.Resolver.prototype, dnsNames(dns.promises.Resolver.prototype), true);
  return seal;
}

/** The refusals since the last call, forgotten afterwards (the seal's own test reads them). */
export function takeRefusals(): SealedNetworkError[] {
  if (!active) throw new Error('the network seal is not installed (jest.config.js, setupFilesAfterEnv)');
  return active.refused.splice(0);
}
