import type { Knex } from 'knex';
import { nextWorkingDayAtTen } from '../../../addin/office/fakeOfficeHost';
import { buildBooking } from '../../factories/bookings';
import { buildItem, buildProvider } from '../../factories/catalog';
import { buildBuilding, buildFloor, buildImageFile, buildRoom } from '../../factories/locations';

/**
 * Data for the taskpane preview in the browser (bench and e2e): 24 rooms on three floors with plans
 * and outlines, every third room booked at the preview meeting's time, and a caterer.
 */

/** The preview's fake appointment: the next working day 10:00–11:00 on this machine's clock. */
export function previewMeeting(now = new Date()): { start: Date; end: Date } {
  return nextWorkingDayAtTen(now);
}

export async function seedTaskpaneData(knex: Knex): Promise<void> {
  const building = await buildBuilding(knex, { name: 'Harbour House', openingHours: {} });
  const plan = await buildImageFile(knex, { width: 800, height: 500 });
  const meeting = previewMeeting();
  const tags = [['Display'], ['Video conference', 'Display'], ['Whiteboard'], ['Video conference', 'Whiteboard']];
  for (let level = 0; level < 3; level += 1) {
    const floorId = await buildFloor(knex, {
      buildingId: building,
      name: `Floor ${level}`,
      level,
      plan: { fileId: plan, width: 800, height: 500 },
    });
    for (let n = 0; n < 8; n += 1) {
      const x = 40 + n * 90;
      const roomId = await buildRoom(knex, {
        floorId,
        name: `Room ${level}.${n + 1}`,
        capacity: 4 + n * 2,
        tags: tags[n % tags.length] ?? [],
        exchangeEmail: `room.${level}.${n + 1}@northwind.test`,
        shape: [
          [x, 60],
          [x + 80, 60],
          [x + 80, 200],
          [x, 200],
        ],
      });
      if (n % 3 === 0) {
        await buildBooking(knex, {
          roomId,
          start: meeting.start.toISOString(),
          // Rooms x.1 and x.4 are busy for the whole meeting, x.7 for its first half.
          end: new Date(meeting.start.getTime() + (n === 6 ? 1_800_000 : 3_600_000)).toISOString(),
          subject: 'Weekly review',
        });
      }
    }
  }
  const provider = await buildProvider(knex, { name: 'Harbour Kitchen', buildingIds: [building], workingHours: {} });
  const items = [
    { name: 'Coffee and tea', category: 'drinks', priceMinor: 250, unit: 'per-person' },
    { name: 'Sandwich platter', category: 'lunch', priceMinor: 4500, unit: 'per-item', allergens: ['gluten', 'milk'] },
    { name: 'Fruit bowl', category: 'snacks', priceMinor: 1800, unit: 'per-item', dietary: ['vegan'] },
  ] as const;
  for (const item of items) await buildItem(knex, { providerId: provider, leadTimeHours: 2, ...item });
}
