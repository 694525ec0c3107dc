import { DateTime } from 'luxon';
import type { Item } from '../../../shared/schemas/catalog';
import { WEEKDAYS, type OpeningHours, type Weekday } from '../../../shared/schemas/locations';

/**
 * When catalog entries can be delivered. Working hours and item availability are wall-clock
 * times in the zone of the building delivered to, so every check converts the instant there.
 * Interval ends are inclusive: a delivery is a moment, and one at a provider's closing time
 * (clean-up at the end of a meeting) is still within its hours.
 */

const HOUR_MS = 3_600_000;

interface WallInterval {
  readonly start: string;
  readonly end: string;
}

/** Minutes since local midnight, with seconds as a fraction so 18:00:30 is after 18:00. */
function minutesOfDay(local: DateTime): number {
  return local.hour * 60 + local.minute + local.second / 60 + local.millisecond / 60_000;
}

function wallMinutes(hhmm: string): number {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

/** luxon numbers weekdays 1 (Monday) to 7 (Sunday), as WEEKDAYS lists them. */
export function weekdayOf(local: DateTime): Weekday {
  const weekday = WEEKDAYS[local.weekday - 1];
  if (weekday === undefined) throw new Error(`Not a weekday: ${local.weekday}`);
  return weekday;
}

function withinAny(intervals: readonly WallInterval[], local: DateTime): boolean {
  const at = minutesOfDay(local);
  return intervals.some((i) => wallMinutes(i.start) <= at && at <= wallMinutes(i.end));
}

/** The instant as wall-clock time in a building's IANA zone. */
export function localDateTimeIn(zone: string, instant: Date): DateTime {
  const local = DateTime.fromJSDate(instant, { zone });
  if (!local.isValid) throw new Error(`Unknown time zone ${zone}`);
  return local;
}

/** Whether the item can be delivered at this local date-time (in the delivery building's zone). */
export function isItemAvailableAt(item: Pick<Item, 'availability'>, localDateTime: DateTime): boolean {
  if (item.availability === null) return true;
  const intervals = item.availability[weekdayOf(localDateTime)] ?? [];
  return withinAny(
    intervals.map((i) => ({ start: i.from, end: i.to })),
    localDateTime,
  );
}

/** Whether hours like a provider's working hours include the instant, read in `zone`. */
export function isWithinHours(hours: OpeningHours, zone: string, instant: Date): boolean {
  const local = localDateTimeIn(zone, instant);
  const intervals = hours[weekdayOf(local)] ?? [];
  return withinAny(
    intervals.map((i) => ({ start: i.open, end: i.close })),
    local,
  );
}

/** Whether the provider works at the instant, in the zone of the building it delivers to. */
export function isWithinProviderHours(
  provider: { readonly workingHours: OpeningHours },
  zone: string,
  instant: Date,
): boolean {
  return isWithinHours(provider.workingHours, zone, instant);
}

/** Whether an order placed at `orderTime` leaves the item's lead time before `deliveryTime`. */
export function leadTimeSatisfied(item: Pick<Item, 'leadTimeHours'>, orderTime: Date, deliveryTime: Date): boolean {
  return deliveryTime.getTime() - orderTime.getTime() >= item.leadTimeHours * HOUR_MS;
}

/** Whether an order of the item can still be changed or cancelled at `now`. */
export function beforeChangeCutoff(item: Pick<Item, 'changeCutoffHours'>, now: Date, deliveryTime: Date): boolean {
  return deliveryTime.getTime() - now.getTime() >= item.changeCutoffHours * HOUR_MS;
}
