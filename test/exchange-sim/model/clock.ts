import type { EpochMs, ModelClock } from './api';

/** Simulated time: real time plus an offset, or a frozen instant that only moves on `advance`. */
export class SimClock implements ModelClock {
  private offsetMs = 0;
  private frozenAt: EpochMs | undefined;

  constructor(private readonly realNow: () => EpochMs = () => Date.now()) {}

  now(): EpochMs {
    return this.frozenAt ?? this.realNow() + this.offsetMs;
  }

  freeze(at?: EpochMs): void {
    this.frozenAt = at ?? this.now();
  }

  advance(ms: number): void {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('clock can only advance by a finite, non-negative amount');
    if (this.frozenAt !== undefined) this.frozenAt += ms;
    else this.offsetMs += ms;
  }

  unfreeze(): void {
    if (this.frozenAt === undefined) return;
    this.offsetMs = this.frozenAt - this.realNow();
    this.frozenAt = undefined;
  }

  isFrozen(): boolean {
    return this.frozenAt !== undefined;
  }
}
