/** The time slider's steps: 15 minutes each, from now (step 0) to the end of the plan's horizon. */
export const STEP_MS = 15 * 60_000;

/** The first quarter hour after `now`: step 1 of the slider. */
export const quarterAfter = (now: number): number => Math.floor(now / STEP_MS) * STEP_MS + STEP_MS;

/** The instant of a step: undefined (now) for step 0, else the quarter hours after now. */
export function instantOfStep(now: number, step: number): number | undefined {
  return step <= 0 ? undefined : quarterAfter(now) + (step - 1) * STEP_MS;
}

/** How many steps fit before the horizon's end (exclusive). */
export function stepsUntil(now: number, horizonEnd: number): number {
  return Math.max(0, Math.floor((horizonEnd - 1 - quarterAfter(now)) / STEP_MS) + 1);
}

/** The browser's midnight 8 days on: the horizon until the server told the building's. */
export function localHorizonEnd(now: number): number {
  const end = new Date(now);
  end.setHours(0, 0, 0, 0);
  end.setDate(end.getDate() + 8);
  return end.getTime();
}
