/**
 * Starts the simulator process (simProcess.ts) and talks to its control API over HTTP:
 * request counts by account and operation, read the way the bench needs them.
 */
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { FromSim } from './simProcess';
import { SERVICE_ACCOUNT, type BenchSeedSize } from './seed';

/** The service account's EWS requests by operation (the Outlook users' requests left out). */
export type OperationCounts = Readonly<Record<string, number>>;

interface RequestCounts {
  readonly total: number;
  readonly byAccountAndOperation: Readonly<Record<string, number>>;
}

export interface BenchSim {
  readonly url: string;
  readonly seedMs: number;
  /** The service account's requests so far, by operation. */
  serviceRequests(): Promise<OperationCounts>;
  /** Resolves once the service account has sent nothing for `quietMs` (or after `maxMs`). */
  untilQuiet(quietMs: number, maxMs: number): Promise<void>;
  stop(): Promise<void>;
}

export function total(counts: OperationCounts): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/** after - before, by operation, without the operations that did not move. */
export function difference(after: OperationCounts, before: OperationCounts): OperationCounts {
  const out: Record<string, number> = {};
  for (const [operation, n] of Object.entries(after)) {
    const delta = n - (before[operation] ?? 0);
    if (delta !== 0) out[operation] = delta;
  }
  return out;
}

export async function startBenchSim(size: BenchSeedSize): Promise<BenchSim> {
  const child: ChildProcess = fork(path.join(__dirname, 'simProcess.ts'), [JSON.stringify(size)], {
    execArgv: process.execArgv,
    stdio: 'inherit',
  });
  const ready = await new Promise<Extract<FromSim, { type: 'ready' }>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the simulator exited early (code ${String(code)})`)));
    child.on('message', (message: FromSim) => {
      if (message.type === 'ready') resolve(message);
      else reject(new Error(`the simulator failed: ${message.message}`));
    });
  });
  child.removeAllListeners('exit');
  const prefix = `${SERVICE_ACCOUNT.email}|`;
  async function serviceRequests(): Promise<OperationCounts> {
    const res = await fetch(`${ready.baseUrl}/sim/stats`);
    if (!res.ok) throw new Error(`GET /sim/stats answered ${res.status}`);
    const counts = (await res.json()) as RequestCounts;
    const out: Record<string, number> = {};
    for (const [key, n] of Object.entries(counts.byAccountAndOperation))
      if (key.startsWith(prefix)) out[key.slice(prefix.length)] = n;
    return out;
  }
  return {
    url: ready.url,
    seedMs: ready.seedMs,
    serviceRequests,
    async untilQuiet(quietMs, maxMs) {
      const deadline = Date.now() + maxMs;
      let last = total(await serviceRequests());
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, quietMs));
        const now = total(await serviceRequests());
        if (now === last) return;
        last = now;
      }
    },
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}
