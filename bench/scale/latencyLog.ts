/**
 * Change latencies of a long storm, kept compactly: 8 bytes a change in a typed array that doubles
 * when full, so that a 30-minute soak at 10 changes/s holds 18,000 numbers, not 18,000 objects.
 */
import { percentile } from '../sync/report';

export class LatencyLog {
  private values = new Float64Array(1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(ms: number): void {
    if (this.count === this.values.length) {
      const grown = new Float64Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.count++] = ms;
  }

  /** NaN when there are none. */
  p95(): number {
    return percentile(this.values.slice(0, this.count).sort(), 95);
  }
}
