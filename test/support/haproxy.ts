import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

/** Debian's package (`apt-get install haproxy`, as .ci/run does): never a balancer of our own. */
export const HAPROXY = '/usr/sbin/haproxy';

export interface Backend {
  readonly name: string;
  readonly port: number;
}

/** A free loopback port: HAProxy needs its port in the configuration, before it binds. */
export function freePort(): Promise<number> {
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

/**
 * The configuration docs/operations.md recommends, with test timings: round robin without
 * stickiness (sessions live in PostgreSQL), a health check of /readyz, retries of refused
 * connections on another server, and long timeouts for the live streams (server-sent events).
 */
export function haproxyConfig(port: number, backends: readonly Backend[], checkMs: number): string {
  return [
    'global',
    '  maxconn 512',
    'defaults',
    '  mode http',
    '  timeout connect 2s',
    '  timeout client 1h',
    '  timeout server 1h',
    '  timeout http-request 10s',
    '  retries 3',
    '  option redispatch',
    'frontend roomserve',
    `  bind 127.0.0.1:${port}`,
    '  option forwardfor',
    '  default_backend instances',
    'backend instances',
    '  balance roundrobin',
    '  option httpchk GET /readyz',
    '  http-check expect status 200',
    `  default-server inter ${checkMs} fall 2 rise 1`,
    ...backends.map((b) => `  server ${b.name} 127.0.0.1:${b.port} check`),
    '',
  ].join('\n');
}

export interface RunningHaproxy {
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** HAProxy in the foreground (-db) as a child process, on a generated configuration in a temp dir. */
export async function startHaproxy(backends: readonly Backend[], checkMs = 500): Promise<RunningHaproxy> {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'roomserve-haproxy-'));
  const config = path.join(dir, 'haproxy.cfg');
  writeFileSync(config, haproxyConfig(port, backends, checkMs));
  const child = spawn(HAPROXY, ['-db', '-f', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`haproxy exited: ${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`haproxy did not answer: ${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    process: child,
    async stop() {
      if (child.exitCode !== null) return;
      const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await gone;
    },
  };
}
