import { describe, expect, it } from '@jest/globals';
import type { ItemAvailability } from '../../../shared/schemas/catalog';
import type { OpeningHours } from '../../../shared/schemas/locations';
import { itemProblems, providerProblems, providerServesBuilding, workingHoursProblems } from './catalog';

describe('itemProblems', () => {
  const none: ItemAvailability | null = null;
  it.each<[string, number, number, ItemAvailability | null, string[]]>([
    ['cut-off below the lead time', 24, 12, none, []],
    ['cut-off equal to the lead time', 24, 24, none, []],
    ['no lead time and no cut-off', 0, 0, none, []],
    ['cut-off beyond the lead time', 2, 4, none, ['the change cut-off (4 h) may not exceed the lead time (2 h)']],
    [
      'touching intervals',
      24,
      1,
      {
        mon: [
          { from: '08:00', to: '10:00' },
          { from: '10:00', to: '12:00' },
        ],
      },
      [],
    ],
    [
      'overlapping intervals, listed out of order',
      24,
      1,
      {
        tue: [
          { from: '11:00', to: '13:00' },
          { from: '08:00', to: '11:30' },
        ],
      },
      ['availability intervals on tue overlap (08:00–11:30 and 11:00–13:00)'],
    ],
  ])('%s', (_name, leadTimeHours, changeCutoffHours, availability, expected) => {
    expect(itemProblems({ leadTimeHours, changeCutoffHours, availability })).toEqual(expected);
  });
});

describe('providerProblems', () => {
  const hours: OpeningHours = { mon: [{ open: '07:00', close: '18:00' }] };
  it.each<[string, string | null, boolean, string[]]>([
    ['no webhook', null, false, []],
    ['a webhook with a generated secret', 'https://x.example/h', false, []],
    ['a webhook with a given secret', 'https://x.example/h', true, []],
    ['a secret without a webhook', null, true, ['a webhook secret needs a webhook URL']],
  ])('%s', (_name, webhookUrl, webhookSecretGiven, expected) => {
    expect(providerProblems({ workingHours: hours, webhookUrl, webhookSecretGiven })).toEqual(expected);
  });

  it('finds overlapping working hours', () => {
    expect(
      workingHoursProblems({
        wed: [
          { open: '07:00', close: '12:00' },
          { open: '11:59', close: '14:00' },
        ],
        thu: [{ open: '07:00', close: '12:00' }],
      }),
    ).toEqual(['working hours on wed overlap (07:00–12:00 and 11:59–14:00)']);
  });
});

describe('providerServesBuilding', () => {
  it.each([
    [['a', 'b'], 'a', true],
    [['a', 'b'], 'c', false],
    [[], 'a', false],
  ])('%j serves %s → %s', (buildingIds, buildingId, expected) => {
    expect(providerServesBuilding({ buildingIds }, buildingId)).toBe(expected);
  });
});
