import { useEffect, useState } from 'react';

/** Keeps the screen on (Screen Wake Lock API); the lock is lost when the page is hidden, so re-take it. */
export function useWakeLock(): void {
  useEffect(() => {
    const wakeLock = (navigator as Navigator & { wakeLock?: { request(type: 'screen'): Promise<unknown> } }).wakeLock;
    if (!wakeLock) return undefined;
    const take = (): void => {
      if (document.visibilityState !== 'visible') return;
      wakeLock.request('screen').catch(() => undefined); // refused (battery saver): the screen may sleep
    };
    take();
    document.addEventListener('visibilitychange', take);
    return () => document.removeEventListener('visibilitychange', take);
  }, []);
}

/** A few pixels' drift every two minutes, so nothing burns into the panel where it always stands. */
export const SHIFT_STEPS: readonly (readonly [number, number])[] = [
  [0, 0],
  [3, 1],
  [4, -2],
  [1, -4],
  [-3, -2],
  [-4, 2],
  [-1, 4],
  [2, 3],
];
export const SHIFT_EVERY_MS = 120_000;

export function pixelShift(now: number): { x: number; y: number } {
  const [x, y] = SHIFT_STEPS[Math.floor(now / SHIFT_EVERY_MS) % SHIFT_STEPS.length] ?? [0, 0];
  return { x, y };
}

/** The device's clock, ticking at each minute boundary (and every `everyMs` for the burn-in shift). */
export function useMinuteClock(clock: () => number): number {
  const [now, setNow] = useState(clock);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tick = (): void => {
      const at = clock();
      setNow(at);
      timer = setTimeout(tick, 60_000 - (at % 60_000) + 50);
    };
    timer = setTimeout(tick, 60_000 - (clock() % 60_000) + 50);
    return () => clearTimeout(timer);
  }, [clock]);
  return now;
}
