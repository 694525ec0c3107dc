import type { Clock } from '../../server/ports/clock';

/** A clock that only moves when the test says so. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | string = '2026-05-04T08:00:00Z') {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(to: Date | string): void {
    this.current = new Date(to).getTime();
  }
}
