/**
 * Local wall time in the browser <-> instants on the wire. The filters speak the user's clock;
 * the API wants ISO 8601 with an explicit offset, which we take from the browser for that very
 * date (so a search across a daylight-saving change still means what the user typed).
 */

const pad = (n: number, width = 2): string => String(Math.trunc(n)).padStart(width, '0');

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_PATTERN = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not one, though Date would roll it over). */
export function isDateText(text: string): boolean {
  if (!DATE_PATTERN.test(text)) return false;
  const midnight = localDate(text, '00:00');
  return !Number.isNaN(midnight.getTime()) && dateText(midnight) === text;
}

export function isTimeText(text: string): boolean {
  return TIME_PATTERN.test(text);
}

/** The Date at `date` (YYYY-MM-DD) and `time` (HH:MM) on the browser's clock. */
export function localDate(date: string, time: string): Date {
  const d = DATE_PATTERN.exec(date);
  const t = TIME_PATTERN.exec(time);
  if (!d || !t) return new Date(Number.NaN);
  return new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), 0, 0);
}

/** ISO 8601 with the browser's offset at that instant, e.g. 2026-05-04T09:00:00+02:00. */
export function toOffsetIso(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  const date = `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
  const time = `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;
  return `${date}T${time}${sign}${pad(abs / 60)}:${pad(abs % 60)}`;
}

export function localIso(date: string, time: string): string {
  return toOffsetIso(localDate(date, time));
}

export function dateText(at: Date): string {
  return `${pad(at.getFullYear(), 4)}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

export function timeText(at: Date): string {
  return `${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** The next full hour and the hour after it: what someone looking for a room usually means. */
export function nextHourWindow(now: Date): { date: string; start: string; end: string } {
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start);
  end.setHours(end.getHours() + 1);
  // At night, offer the first office hour of the coming morning instead of a slot nobody wants.
  if (start.getHours() < 7 || dateText(end) !== dateText(start)) {
    const morning = new Date(start);
    if (start.getHours() >= 7) morning.setDate(morning.getDate() + 1);
    morning.setHours(8, 0, 0, 0);
    return { date: dateText(morning), start: '08:00', end: '09:00' };
  }
  return { date: dateText(start), start: timeText(start), end: timeText(end) };
}

/*
 * The one way times are shown, in the web app, the taskpane and the admin pages: 24-hour clock
 * ("15:00", never "03:00 PM"), whatever the browser's locale would pick.
 */
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

const clockFormats = new Map<string, Intl.DateTimeFormat>();

/** The browser's own IANA zone. */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function clockFormatIn(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let format = clockFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(undefined, timeZone === undefined ? CLOCK : { ...CLOCK, timeZone });
    } catch {
      // An unknown zone name must not take a page down; the browser's clock is the next best.
      format = new Intl.DateTimeFormat(undefined, CLOCK);
    }
    clockFormats.set(key, format);
  }
  return format;
}

const asDate = (at: Date | string): Date => (typeof at === 'string' ? new Date(at) : at);

/** "15:00" on the browser's clock, or on `timeZone`'s clocks when given. */
export function formatClock(at: Date | string, timeZone?: string): string {
  return clockFormatIn(timeZone).format(asDate(at));
}

/**
 * Made on first use, not when the module loads: the taskpane's first script imports this module
 * for the search's times, and building formats there would delay its first API calls.
 */
function formatOnFirstUse(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => (format ??= new Intl.DateTimeFormat(undefined, options));
}

const dayFormat = formatOnFirstUse({ weekday: 'long', day: 'numeric', month: 'long' });

export function formatDay(at: Date): string {
  return dayFormat().format(at);
}

const shortDayFormat = formatOnFirstUse({ weekday: 'short', day: 'numeric', month: 'short' });

/** "Wed, 9 Dec, 07:30": when a meeting starts, to the minute on the 24-hour clock (never seconds). */
export function formatDayClock(at: Date | string): string {
  const date = asDate(at);
  return `${shortDayFormat().format(date)}, ${formatClock(date)}`;
}

const dateTimeFormat = formatOnFirstUse({
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** A moment to the second on the browser's clock, e.g. "4 May 2026, 14:57:46" (admin pages). */
export function formatDateTime(at: Date | string): string {
  return dateTimeFormat().format(asDate(at));
}

const wallFormats = new Map<string, Intl.DateTimeFormat>();

/** Day and time as `timeZone`'s clocks read them; undefined for an unknown zone. */
function wallClock(at: Date, timeZone: string | undefined): string | undefined {
  const key = timeZone ?? '';
  let format = wallFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat('en-CA', {
        ...CLOCK,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        ...(timeZone === undefined ? {} : { timeZone }),
      });
    } catch {
      return undefined;
    }
    wallFormats.set(key, format);
  }
  return format.format(at);
}

/**
 * Whether the building's clocks show another time than the browser's at that moment. Zones with
 * other names but the same time (Paris and Berlin) do not count: there is nothing to tell apart.
 */
export function zoneDiffers(timeZone: string, at: Date | string): boolean {
  const building = wallClock(asDate(at), timeZone);
  return building !== undefined && building !== wallClock(asDate(at), undefined);
}

/** "15:00 (Europe/Berlin)" where the building's clocks differ from the browser's, else "15:00". */
export function formatClockIn(at: Date | string, timeZone: string): string {
  const clock = formatClock(at, timeZone);
  return zoneDiffers(timeZone, at) ? `${clock} (${timeZone})` : clock;
}

/**
 * "15:00–16:00 Europe/Berlin": the building's time of a span shown on the browser's clock, or
 * undefined when both clocks agree. Lets someone in another zone match what the building's
 * facility board and room displays say.
 */
export function buildingTimeNote(start: Date | string, end: Date | string, timeZone: string): string | undefined {
  if (!zoneDiffers(timeZone, start) && !zoneDiffers(timeZone, end)) return undefined;
  return `${formatClock(start, timeZone)}–${formatClock(end, timeZone)} ${timeZone}`;
}

const TYPED_TIME = /^(\d{1,2})(?:[:.h ]?(\d{2}))?(?:\s*([ap])\.?\s*m?\.?)?$/i;

/**
 * What someone typed into a time field as "HH:MM" on the 24-hour clock, or undefined: "9" →
 * 09:00, "930" → 09:30, "15.45" → 15:45, "3 pm" → 15:00 (people used to AM/PM still get through).
 */
export function parseTimeText(typed: string): string | undefined {
  const match = TYPED_TIME.exec(typed.trim());
  if (!match) return undefined;
  // "930" and "1545" split as 9|30 and 15|45: the separator is optional.
  const [, hours = '', minutes = '00'] = match;
  let h = Number(hours);
  const m = Number(minutes);
  const half = match[3]?.toLowerCase();
  if (half !== undefined) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === 'p' ? 12 : 0);
  }
  if (h > 23 || m > 59) return undefined;
  return `${pad(h)}:${pad(m)}`;
}

/** "00:00", "00:15", … "23:45": the choices of a time field. */
export function timeChoices(stepMinutes = 15): string[] {
  return Array.from({ length: (24 * 60) / stepMinutes }, (_, i) => {
    const minutes = i * stepMinutes;
    return `${pad(minutes / 60)}:${pad(minutes % 60)}`;
  });
}
