/** Wall-clock time in the room's zone, 24-hour ("10:42"), whatever the tablet's own zone is. */
export function clockTime(instant: number | string, timeZone: string): string {
  const at = typeof instant === 'string' ? Date.parse(instant) : instant;
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
    at,
  );
}

/** Hours and minutes of an instant in the room's zone, as minutes since its local midnight. */
export function minuteOfDay(instant: number | string, timeZone: string): number {
  const [h, m] = clockTime(instant, timeZone).split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** "Monday 7 December" in the room's zone. */
export function longDate(instant: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}
