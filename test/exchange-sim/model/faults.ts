import type { ActiveFault, ConcurrencyStats, FaultDecision, FaultMatch, FaultSpec, RequestCounts } from './api';

/** Injected faults, per-account concurrency slots and request counters (data the protocol consults). */

/** EWSMaxConcurrency of Exchange 2013+. */
export const DEFAULT_CONCURRENCY_LIMIT = 27;

function same(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || (b !== undefined && a.toLowerCase() === b.toLowerCase());
}

function matchesRequest(
  match: FaultMatch | undefined,
  req: { operation: string; account: string; mailbox?: string },
): boolean {
  if (!match) return true;
  return same(match.operation, req.operation) && same(match.account, req.account) && same(match.mailbox, req.mailbox);
}

export class Faults {
  private faults: { id: string; spec: FaultSpec; remaining?: number }[] = [];
  private nextId = 1;
  private readonly inFlight = new Map<string, number>();
  private peaks = new Map<string, number>();
  private refusals = new Map<string, number>();

  constructor(public concurrencyLimit: number = DEFAULT_CONCURRENCY_LIMIT) {}

  add(spec: FaultSpec): ActiveFault {
    const fault = {
      id: `fault-${this.nextId++}`,
      spec,
      ...(spec.count !== undefined ? { remaining: spec.count } : {}),
    };
    this.faults.push(fault);
    return { ...fault };
  }

  clear(): void {
    this.faults = [];
  }

  active(): readonly ActiveFault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  decide(req: { operation: string; account: string; mailbox?: string }): FaultDecision {
    let latencyMs = 0;
    let serverBusyBackOffMs: number | undefined;
    let http503 = false;
    let mailboxMoveInProgress = false;
    let dropStream = false;
    for (const fault of this.faults) {
      if (!matchesRequest(fault.spec.match, req)) continue;
      if (fault.spec.kind === 'dropStream' && req.operation !== 'GetStreamingEvents') continue;
      switch (fault.spec.kind) {
        case 'latency':
          latencyMs += fault.spec.latencyMs;
          break;
        case 'serverBusy':
          serverBusyBackOffMs = Math.max(serverBusyBackOffMs ?? 0, fault.spec.backOffMilliseconds);
          break;
        case 'http503':
          http503 = true;
          break;
        case 'mailboxMoveInProgress':
          mailboxMoveInProgress = true;
          break;
        case 'dropStream':
          dropStream = true;
          break;
      }
      if (fault.remaining !== undefined) fault.remaining -= 1;
    }
    this.faults = this.faults.filter((f) => f.remaining === undefined || f.remaining > 0);
    return {
      latencyMs,
      http503,
      mailboxMoveInProgress,
      dropStream,
      ...(serverBusyBackOffMs !== undefined ? { serverBusyBackOffMs } : {}),
    };
  }

  acquire(account: string): (() => void) | undefined {
    const key = account.toLowerCase();
    const current = this.inFlight.get(key) ?? 0;
    if (current >= this.concurrencyLimit) {
      this.refusals.set(key, (this.refusals.get(key) ?? 0) + 1);
      return undefined;
    }
    this.inFlight.set(key, current + 1);
    this.peaks.set(key, Math.max(this.peaks.get(key) ?? 0, current + 1));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const n = (this.inFlight.get(key) ?? 1) - 1;
      if (n <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, n);
    };
  }

  concurrencyStats(): Readonly<Record<string, ConcurrencyStats>> {
    const accounts = new Set([...this.inFlight.keys(), ...this.peaks.keys(), ...this.refusals.keys()]);
    return Object.fromEntries(
      [...accounts].map((account) => [
        account,
        {
          limit: this.concurrencyLimit,
          inFlight: this.inFlight.get(account) ?? 0,
          peak: this.peaks.get(account) ?? 0,
          refused: this.refusals.get(account) ?? 0,
        },
      ]),
    );
  }

  resetConcurrencyStats(): void {
    this.peaks = new Map(this.inFlight);
    this.refusals = new Map();
  }
}

export class RequestCounter {
  private total = 0;
  private byOperation = new Map<string, number>();
  private byAccount = new Map<string, number>();
  private byBoth = new Map<string, number>();

  count(operation: string, account: string): void {
    const acc = account.toLowerCase();
    this.total += 1;
    this.byOperation.set(operation, (this.byOperation.get(operation) ?? 0) + 1);
    this.byAccount.set(acc, (this.byAccount.get(acc) ?? 0) + 1);
    const both = `${acc}|${operation}`;
    this.byBoth.set(both, (this.byBoth.get(both) ?? 0) + 1);
  }

  snapshot(): RequestCounts {
    return {
      total: this.total,
      byOperation: Object.fromEntries(this.byOperation),
      byAccount: Object.fromEntries(this.byAccount),
      byAccountAndOperation: Object.fromEntries(this.byBoth),
    };
  }

  reset(): void {
    this.total = 0;
    this.byOperation = new Map();
    this.byAccount = new Map();
    this.byBoth = new Map();
  }
}
