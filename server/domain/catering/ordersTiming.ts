import type { ItemAvailability } from '../../../shared/schemas/catalog';
import type { OpeningHours, Weekday } from '../../../shared/schemas/locations';
import type { AttentionReason, Delivery } from '../../../shared/schemas/orders';
import { isItemAvailableAt, isWithinHours, localDateTimeIn } from './catalogTime';

/** Delivery times and the catalog rules that decide whether a delivery can be served. */

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

export interface EventTimes {
  readonly start: Date;
  readonly end: Date;
}

/** The instant to deliver, from the event's times and the order's offset. */
export function deliveryAt(delivery: Delivery, event: EventTimes): Date {
  const offset = (delivery.minutes ?? 0) * MINUTE_MS;
  switch (delivery.kind) {
    case 'at-start':
      return event.start;
    case 'before-start':
      return new Date(event.start.getTime() - offset);
    case 'after-start':
      return new Date(event.start.getTime() + offset);
    case 'at-end':
      return event.end;
  }
}

export type { ItemAvailability };

/** What the rules need to know of an ordered item. */
export interface OrderedItemRules {
  readonly itemId: string;
  readonly leadTimeHours: number;
  readonly changeCutoffHours: number;
  readonly availability: ItemAvailability | null;
}

export interface ProviderRules {
  readonly buildingIds: readonly string[];
  readonly workingHours: OpeningHours;
}

const WEEKDAY_OF: Readonly<Record<string, Weekday>> = {
  Mon: 'mon',
  Tue: 'tue',
  Wed: 'wed',
  Thu: 'thu',
  Fri: 'fri',
  Sat: 'sat',
  Sun: 'sun',
};

/** The weekday, date and HH:MM of an instant on the wall clocks of a zone. */
export function wallClock(at: Date, timeZone: string): { weekday: Weekday; date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return {
    weekday: WEEKDAY_OF[part('weekday')] ?? 'mon',
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}:${part('minute')}`,
  };
}

// The catalog's own time rules (inclusive interval ends, the building's zone) decide both.
export function providerWorksAt(hours: OpeningHours, at: Date, timeZone: string): boolean {
  return isWithinHours(hours, timeZone, at);
}

export function itemAvailableAt(availability: ItemAvailability | null, at: Date, timeZone: string): boolean {
  return isItemAvailableAt({ availability }, localDateTimeIn(timeZone, at));
}

/** The last moment the orderer may still change the order: the strictest item's cut-off. */
export function changeCutoffAt(items: readonly OrderedItemRules[], delivery: Date): Date {
  const hours = Math.max(0, ...items.map((i) => i.changeCutoffHours));
  return new Date(delivery.getTime() - hours * HOUR_MS);
}

/** The earliest delivery the items' lead times allow when deciding now. */
export function earliestDelivery(items: readonly OrderedItemRules[], now: Date): Date {
  const hours = Math.max(0, ...items.map((i) => i.leadTimeHours));
  return new Date(now.getTime() + hours * HOUR_MS);
}

export interface DeliveryPlace {
  readonly at: Date;
  readonly buildingId: string;
  readonly timeZone: string;
}

/** Why a delivery at this time and place cannot be served as ordered; empty when it can. */
export function deliveryProblems(
  place: DeliveryPlace,
  provider: ProviderRules,
  items: readonly OrderedItemRules[],
  now: Date,
): AttentionReason[] {
  const problems: AttentionReason[] = [];
  if (place.at.getTime() < earliestDelivery(items, now).getTime()) problems.push('inside-lead-time');
  if (!providerWorksAt(provider.workingHours, place.at, place.timeZone)) problems.push('outside-provider-hours');
  if (!items.every((i) => itemAvailableAt(i.availability, place.at, place.timeZone))) problems.push('item-unavailable');
  if (!provider.buildingIds.includes(place.buildingId)) problems.push('building-not-served');
  return problems;
}
