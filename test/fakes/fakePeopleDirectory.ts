import type { DirectoryPerson, PeopleDirectory } from '../../server/ports/peopleDirectory';

/**
 * A directory whose answers the test releases by hand, so that it can see how many requests are at
 * "Exchange" at once and in which order they arrive.
 */
export class FakePeopleDirectory implements PeopleDirectory {
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
