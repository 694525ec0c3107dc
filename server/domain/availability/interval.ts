/**
 * A half-open span of time [start, end) in epoch milliseconds. Epoch numbers, not Dates or
 * wall-clock strings, so that no rule here can depend on the process time zone.
 */
export interface Interval {
  readonly start: number;
  readonly end: number;
}

export function interval(start: number, end: number): Interval {
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
    throw new RangeError(`Not a non-empty interval: [${start}, ${end})`);
  }
  return { start, end };
}

export function intervalOfIso(start: string, end: string): Interval {
  return interval(Date.parse(start), Date.parse(end));
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The part of `span` inside `window`, or undefined when they do not overlap. */
export function clipTo(span: Interval, window: Interval): Interval | undefined {
  if (!overlaps(span, window)) return undefined;
  return { start: Math.max(span.start, window.start), end: Math.min(span.end, window.end) };
}

/**
 * Sorted, disjoint intervals covering the same time as `spans`. Touching intervals are joined:
 * back-to-back meetings are one busy stretch to someone looking for a free room.
 */
export function mergeIntervals(spans: readonly Interval[]): Interval[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Interval[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) {
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    } else {
      merged.push(span);
    }
  }
  return merged;
}

export function durationMs(span: Interval): number {
  return span.end - span.start;
}

export function toIsoInterval(span: Interval): { start: string; end: string } {
  return { start: new Date(span.start).toISOString(), end: new Date(span.end).toISOString() };
}
