import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serverEntry } from './serverEntry';

/**
 * A real Roomserve server process (see serverEntry) on the test's PostgreSQL schema,
 * resolved once it listens. For tests that kill servers with SIGKILL; only on PostgreSQL, since
 * an in-memory PGlite cannot be shared with another process.
 *
 * The child is not under the test's network seal (test/support/sealNetwork.ts patches this
 * process only): it is pointed at loopback alone (HOST, DATABASE_URL, no simulator, no demo), and
 * whatever Exchange URL a test saves for it is the test's loopback simulator.
 */
export interface ServerProcessOptions {
  readonly name: string;
  /** The test database's label, `postgres:<schema>`. */
  readonly databaseLabel: string;
  /** Base64 of the key the test sealed the Exchange password with. */
  readonly secretKey: string;
  readonly startTimeoutMs?: number;
  /** More settings of the server's environment (e.g. SYNC_CLAIM_SECONDS, TRUST_PROXY). */
  readonly env?: Readonly<Record<string, string>>;
}

export interface StartedServer {
  readonly child: ChildProcess;
  /** The port it listens on (it was started with PORT=0). */
  readonly port: number;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ChildProcess> {
  return (await startServer(options)).child;
}

/** As startServerProcess, with the port the server chose. */
export function startServer(options: ServerProcessOptions): Promise<StartedServer> {
  const url = new URL(process.env.DATABASE_URL ?? '');
  url.searchParams.set('options', `-c search_path=${options.databaseLabel.split(':')[1] ?? 'public'},public`);
  const child = spawn(process.execPath, [...serverEntry()], {
    env: {
      PATH: process.env.PATH,
      DATABASE_URL: url.toString(),
      PORT: '0',
      HOST: '127.0.0.1',
      DEMO: 'off',
      EXCHANGE_SIM: 'off',
      ROOMSERVE_SECRET_KEY: options.secretKey,
      DATA_DIR: mkdtempSync(path.join(tmpdir(), `roomserve-${options.name}-`)),
      LOG_LEVEL: 'info',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`${options.name} did not start: ${output.slice(-2000)}`)),
      options.startTimeoutMs ?? 90_000,
    );
    let started = false;
    const onData = (chunk: Buffer): void => {
      // Once listening, only the tail is kept (for the exit message): a syncing server logs a lot.
      output = started ? (output + chunk.toString()).slice(-4000) : output + chunk.toString();
      if (started) return;
      const listening = /Roomserve listening on http:\/\/[^:\s]+:(\d+)/.exec(output);
      if (listening) {
        started = true;
        clearTimeout(timer);
        resolve({ child, port: Number(listening[1]) });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${String(code ?? signal)}): ${output.slice(-2000)}`));
    });
  });
}

/** SIGKILL, as `kill -9`, and wait until the process is gone. */
export async function killHard(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await gone;
}
