/**
 * The figures of `npm run bench:scale:soak`: Roomserve's memory sampled once a minute against its
 * value at the end of the warm-up, and the changes' latencies tallied by the phase they were saved in.
 */
import type { ProcessMemory } from '../sync/roomserveProcess';
import { LatencyLog } from './latencyLog';
import type { StormSample } from './storm';
import { megabytes } from './terminal';

export const GOAL_PERCENT = 10;

export interface MemorySample {
  readonly minute: number;
  readonly memory: ProcessMemory;
}

/** Changes saved in one stretch of the soak: the latencies of those seen, and how many were not. */
export class ChangeTally {
  readonly seen = new LatencyLog();
  notSeen = 0;

  record(sample: StormSample): void {
    if (sample.latency === undefined) this.notSeen++;
    else this.seen.add(sample.latency);
  }

  describe(): string {
    const p95 = this.seen.p95();
    const made = this.seen.length + this.notSeen;
    return `p95 change -> stored ${Number.isNaN(p95) ? '-' : `${Math.round(p95)} ms`}, ${this.seen.length}/${made} seen`;
  }
}

export interface Trend {
  readonly reference: number;
  readonly max: number;
  readonly last: number;
  /** The largest distance from the reference, in % of it, with its sign (+ above, - below). */
  readonly deviationPercent: number;
}

export function trend(reference: number, later: readonly number[]): Trend {
  let deviation = 0;
  for (const value of later) {
    const percent = ((value - reference) / reference) * 100;
    if (Math.abs(percent) > Math.abs(deviation)) deviation = percent;
  }
  return {
    reference,
    max: Math.max(...later),
    last: later[later.length - 1] ?? Number.NaN,
    deviationPercent: deviation,
  };
}

export function trendLine(what: string, figure: Trend): string {
  const sign = figure.deviationPercent >= 0 ? '+' : '';
  const met = Math.abs(figure.deviationPercent) <= GOAL_PERCENT ? 'met' : 'NOT MET';
  return (
    `${what}: after the warm-up ${megabytes(figure.reference)}; during the soak max ${megabytes(figure.max)}, ` +
    `last ${megabytes(figure.last)}; largest deviation ${sign}${figure.deviationPercent.toFixed(1)}% ` +
    `(goal within ${GOAL_PERCENT}%: ${met})`
  );
}

/** RSS and the heap after the warm-up's last sample, against it. */
export function memoryTrendLines(samples: readonly MemorySample[], warmUpMinutes: number): string[] {
  const reference = samples.find((s) => s.minute === warmUpMinutes);
  const later = samples.filter((s) => s.minute > warmUpMinutes);
  if (!reference || later.length === 0) return ['memory: no sample after the warm-up'];
  return [
    trendLine(
      'RSS of the Roomserve process',
      trend(
        reference.memory.rss,
        later.map((s) => s.memory.rss),
      ),
    ),
    trendLine(
      'JS heap used (after a GC)',
      trend(
        reference.memory.heapUsed,
        later.map((s) => s.memory.heapUsed),
      ),
    ),
  ];
}

export function memoryText(memory: ProcessMemory): string {
  const wasm = memory.pgliteWasm > 0 ? `, PGlite's WebAssembly memory ${megabytes(memory.pgliteWasm)}` : '';
  return `RSS ${megabytes(memory.rss)}, JS heap used ${megabytes(memory.heapUsed)} of ${megabytes(memory.heapTotal)}${wasm}`;
}
