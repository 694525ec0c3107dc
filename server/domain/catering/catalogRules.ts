import type { Item, ItemAvailability, Provider } from '../../../shared/schemas/catalog';
import type { OpeningHours } from '../../../shared/schemas/locations';

/** Catalog rules beyond the shape of one request; each returns the problems found, in words. */

interface Interval {
  readonly start: string;
  readonly end: string;
}

/** Two intervals of one weekday that overlap make the hours ambiguous to edit; refuse them. */
function overlapProblems(label: string, byDay: Record<string, readonly Interval[] | undefined>): string[] {
  const problems: string[] = [];
  for (const [day, intervals] of Object.entries(byDay)) {
    const sorted = [...(intervals ?? [])].sort((a, b) => a.start.localeCompare(b.start));
    for (let i = 1; i < sorted.length; i += 1) {
      const previous = sorted[i - 1];
      const current = sorted[i];
      if (previous && current && current.start < previous.end)
        problems.push(
          `${label} on ${day} overlap (${previous.start}–${previous.end} and ${current.start}–${current.end})`,
        );
    }
  }
  return problems;
}

export function workingHoursProblems(hours: OpeningHours): string[] {
  const byDay = Object.fromEntries(
    Object.entries(hours).map(([day, list]) => [day, (list ?? []).map((i) => ({ start: i.open, end: i.close }))]),
  );
  return overlapProblems('working hours', byDay);
}

export function availabilityProblems(availability: ItemAvailability | null): string[] {
  if (availability === null) return [];
  const byDay = Object.fromEntries(
    Object.entries(availability).map(([day, list]) => [day, (list ?? []).map((i) => ({ start: i.from, end: i.to }))]),
  );
  return overlapProblems('availability intervals', byDay);
}

/**
 * An item's rules. The change cut-off may not exceed the lead time: otherwise an order placed
 * just within the lead time could never be changed, not even cancelled, by the one who placed it.
 */
export function itemProblems(item: Pick<Item, 'leadTimeHours' | 'changeCutoffHours' | 'availability'>): string[] {
  const problems = availabilityProblems(item.availability);
  if (item.changeCutoffHours > item.leadTimeHours)
    problems.push(
      `the change cut-off (${item.changeCutoffHours} h) may not exceed the lead time (${item.leadTimeHours} h)`,
    );
  return problems;
}

/** A secret without a URL would sign nothing; it is refused rather than kept unused. */
export function providerProblems(provider: {
  readonly workingHours: OpeningHours;
  readonly webhookUrl: string | null;
  readonly webhookSecretGiven: boolean;
}): string[] {
  const problems = workingHoursProblems(provider.workingHours);
  if (provider.webhookSecretGiven && provider.webhookUrl === null)
    problems.push('a webhook secret needs a webhook URL');
  return problems;
}

export function providerServesBuilding(provider: Pick<Provider, 'buildingIds'>, buildingId: string): boolean {
  return provider.buildingIds.includes(buildingId);
}
