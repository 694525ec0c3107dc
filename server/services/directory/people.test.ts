import { describe, expect, it } from '@jest/globals';
import type { Actor } from '../../domain/actor';
import type { Clock } from '../../ports/clock';
import type { DirectoryPerson, PeopleDirectory } from '../../ports/peopleDirectory';
import { createPeopleSearch } from './people';

/**
 * A directory whose answers the test releases by hand, so that it can see how many requests are at
 * "Exchange" at once and in which order they arrive.
 */
class FakePeopleDirectory implements PeopleDirectory {
  readonly asked: string[] = [];
  inFlight = 0;
  peakInFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly people: readonly DirectoryPerson[]) {}

  async searchPeople(query: string, max: number): Promise<DirectoryPerson[]> {
    this.asked.push(query);
    this.inFlight++;
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight);
    await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.inFlight--;
    const q = query.toLowerCase();
    return this.people.filter((p) => p.name.toLowerCase().startsWith(q) || p.email.startsWith(q)).slice(0, max);
  }

  resolveAddress(email: string): Promise<DirectoryPerson | undefined> {
    return Promise.resolve(this.people.find((p) => p.email === email.toLowerCase()));
  }

  /** Lets the oldest request answer. */
  answerNext(): void {
    this.waiting.shift()?.();
  }

  get pending(): number {
    return this.waiting.length;
  }
}

/** A clock that moves when the test says so. */
class ManualClock implements Clock {
  private at = Date.parse('2026-05-04T08:00:00Z');
  now(): Date {
    return new Date(this.at);
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

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
