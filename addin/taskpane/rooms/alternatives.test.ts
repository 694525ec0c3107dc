import { describe, expect, it } from '@jest/globals';
import { buildRoom } from '../../ui/testing/builders';
import { nearestFreeRooms, nearestFreeSlots } from './alternatives';

const at = (h: number, m = 0) => new Date(Date.UTC(2026, 4, 4, h, m));
const day = { start: at(7), end: at(20) };

describe('nearestFreeSlots', () => {
  it('finds the latest free slot before and the earliest after a busy meeting time', () => {
    const busy = [
      { start: at(8), end: at(9) },
      { start: at(10), end: at(11, 30) },
    ];
    const slots = nearestFreeSlots(busy, { start: at(10), end: at(11) }, day);
    expect(slots.before).toEqual({ start: at(9), end: at(10) });
    expect(slots.after).toEqual({ start: at(11, 30), end: at(12, 30) });
  });

  it('slides the earlier slot as close as a later booking allows', () => {
    const busy = [{ start: at(10, 30), end: at(11) }];
    const slots = nearestFreeSlots(busy, { start: at(10), end: at(11) }, day);
    expect(slots.before).toEqual({ start: at(9, 30), end: at(10, 30) });
    expect(slots.after).toEqual({ start: at(11), end: at(12) });
  });

  it('offers nothing outside the day', () => {
    const busy = [{ start: at(7), end: at(20) }];
    expect(nearestFreeSlots(busy, { start: at(10), end: at(11) }, day)).toEqual({});
  });
});

describe('nearestFreeRooms', () => {
  it('prefers free rooms on the same floor, then in the same building, then by size', () => {
    const busy = buildRoom({ name: 'Busy', capacity: 6, availability: { state: 'busy', busy: [] } });
    const elsewhere = buildRoom({ name: 'Elsewhere', capacity: 6 });
    const sameBuilding = buildRoom({ name: 'Same building', buildingId: busy.buildingId, capacity: 12 });
    const sameFloor = buildRoom({ name: 'Same floor', buildingId: busy.buildingId, floorId: busy.floorId });
    const alsoBusy = buildRoom({ floorId: busy.floorId, availability: { state: 'partial', busy: [] } });

    const names = nearestFreeRooms(busy, [elsewhere, sameBuilding, alsoBusy, busy, sameFloor], 3).map((r) => r.name);

    expect(names).toEqual(['Same floor', 'Same building', 'Elsewhere']);
  });
});
