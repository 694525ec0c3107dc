import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../domain/actor';
import { FakePeopleDirectory } from '../../../test/fakes/fakePeopleDirectory';
import { ManualClock } from '../../../test/fakes/manualClock';
import { createPeopleSearch } from './people';

const PEOPLE = [
  { name: 'Emma Schmidt', email: 'emma.schmidt@northwind.test' },
  { name: 'Lukas Meyer', email: 'lukas.meyer@northwind.test' },
];
const actor = (userId: string): Actor => ({
  userId,
  email: `${userId}@x.test`,
  name: userId,
  role: 'employee',
  via: 'token',
});

/** Lets pending promise callbacks run. */
const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

describe('people search', () => {
  it('sends one user’s queries to Exchange one after the other', async () => {
    const directory = new FakePeopleDirectory(PEOPLE);
    const search = createPeopleSearch({ directory: () => Promise.resolve(directory), clock: new ManualClock() });
    const first = search.search(actor('emma'), 'e');
    const second = search.search(actor('emma'), 'em');
    await settle();
    expect(directory.asked).toEqual(['e']);
    directory.answerNext();
    expect(await first).toHaveLength(1);
    await settle();
    expect(directory.asked).toEqual(['e', 'em']);
    directory.answerNext();
    expect(await second).toEqual([PEOPLE[0]]);
    expect(directory.peakInFlight).toBe(1);
  });

  it('lets different users search at the same time', async () => {
    const directory = new FakePeopleDirectory(PEOPLE);
    const search = createPeopleSearch({ directory: () => Promise.resolve(directory), clock: new ManualClock() });
    const mine = search.search(actor('emma'), 'lu');
    const theirs = search.search(actor('lukas'), 'em');
    await settle();
    expect(directory.inFlight).toBe(2);
    directory.answerNext();
    directory.answerNext();
    await Promise.all([mine, theirs]);
  });

  it('reuses an answer for everyone until it is a minute old', async () => {
    const directory = new FakePeopleDirectory(PEOPLE);
    const clock = new ManualClock();
    const search = createPeopleSearch({ directory: () => Promise.resolve(directory), clock });
    const first = search.search(actor('emma'), ' Lukas ');
    await settle();
    directory.answerNext();
    await first;
    expect(await search.search(actor('sophie'), 'lukas')).toEqual([PEOPLE[1]]);
    expect(directory.asked).toEqual(['lukas']);
    clock.advance(61_000);
    const later = search.search(actor('sophie'), 'lukas');
    await settle();
    directory.answerNext();
    await later;
    expect(directory.asked).toEqual(['lukas', 'lukas']);
  });

  it('answers 503 when no Exchange is configured', async () => {
    const search = createPeopleSearch({ directory: () => Promise.resolve(null), clock: new ManualClock() });
    await expect(search.search(actor('emma'), 'x')).rejects.toMatchObject({ code: 'unavailable' });
  });
});
