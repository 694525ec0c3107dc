import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * HAProxy from Debian's package (`apt-get install haproxy`; `.ci/run` installs it), run in the
 * foreground as a child of the test, in front of Roomserve instances on loopback. The configuration
 * is docs/operations.md's, with check timings short enough for a test.
 */

const CANDIDATES = ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'];

/** The haproxy binary, or null where it is not installed. */
export function haproxyBinary(): string | null {
  return CANDIDATES.find((candidate) => existsSync(candidate)) ?? null;
}

export interface RunningHaproxy {
  readonly url: string;
  stop(): Promise<void>;
}

/** A port free right now (HAProxy cannot report a port it chose itself). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function haproxyConfig(listenPort: number, backendPorts: readonly number[]): string {
  return [
    'global',
    '  maxconn 1024',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout http-request 10s',
    '  # Server-sent events stay open; the streams send a comment every 15 s.',
    '  timeout client 1h',
    '  timeout server 1h',
    '  timeout check 2s',
    '  # A refused connection (an instance that just died) is tried on another server.',
    '  retries 3',
    '  option redispatch 1',
    'frontend roomserve',
    `  bind 127.0.0.1:${listenPort}`,
    '  option forwardfor',
    '  # For the test only: which instance answered (its server name).',
    '  http-response set-header X-Served-By %s',
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    '  default-server inter 500ms fall 2 rise 1',
    ...backendPorts.map((port, i) => `  server i${i} 127.0.0.1:${port} check`),
    '',
  ].join('\n');
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(`${url}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Starts HAProxy and resolves once a request through it reaches an instance. */
export async function startHaproxy(binary: string, backendPorts: readonly number[]): Promise<RunningHaproxy> {
  const listenPort = await freePort();
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'roomserve-haproxy-')), 'haproxy.cfg');
  writeFileSync(file, haproxyConfig(listenPort, backendPorts));
  // -db: stay in the foreground, so that the test owns (and ends) the process.
  const child: ChildProcess = spawn(binary, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${listenPort}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await gone;
  };
  const deadline = Date.now() + 10_000;
  while (!(await answers(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`HAProxy did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url, stop };
}
