/**
 * The organisation the sync bench runs against: one service account with impersonation, a pool of
 * Outlook users who organise meetings, and N rooms, each already holding M accepted meetings (two
 * a day, 09:00 and 14:00 UTC, from `firstDay`). The bench's own changes use other hours of the day
 * (see changes.ts), so the booking attendant never declines them for a conflict.
 */
export const BENCH_DOMAIN = 'bench.test';
export const BENCH_PASSWORD = 'bench-pw';
export const SERVICE_ACCOUNT = { email: `svc@${BENCH_DOMAIN}`, username: 'BENCH\\svc' } as const;
export const ORGANIZERS = 50;

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export interface BenchSeedSize {
  readonly rooms: number;
  readonly meetingsPerRoom: number;
  /** UTC midnight of the first day with seeded meetings (inside the sync horizon). */
  readonly firstDay: string;
  /**
   * Length of the simulator's minute for streaming ConnectionTimeout: the idle figure scales every
   * timer, Exchange's 30-minute connection lifetime included (60_000 = real minutes).
   */
  readonly streamMinuteMs?: number;
}

export const roomMailbox = (index: number): string => `room${index}@${BENCH_DOMAIN}`;
export const organizerLogin = (index: number): string => `BENCH\\user${index % ORGANIZERS}`;
const organizerMailbox = (index: number): string => `user${index % ORGANIZERS}@${BENCH_DOMAIN}`;

export function benchSeed(size: BenchSeedSize): unknown {
  const accounts: unknown[] = [
    {
      email: SERVICE_ACCOUNT.email,
      username: SERVICE_ACCOUNT.username,
      password: BENCH_PASSWORD,
      displayName: 'Roomserve service',
      kind: 'service',
      impersonation: true,
    },
  ];
  for (let o = 0; o < ORGANIZERS; o++)
    accounts.push({
      email: organizerMailbox(o),
      username: organizerLogin(o),
      password: BENCH_PASSWORD,
      displayName: `User ${o}`,
      kind: 'user',
    });
  const rooms = Array.from({ length: size.rooms }, (_v, r) => roomMailbox(r));
  rooms.forEach((email, r) =>
    accounts.push({
      email,
      username: `BENCH\\room${r}`,
      password: BENCH_PASSWORD,
      displayName: `Room ${r}`,
      kind: 'room',
    }),
  );
  const day0 = Date.parse(size.firstDay);
  const meetings: unknown[] = [];
  for (let r = 0; r < size.rooms; r++) {
    for (let m = 0; m < size.meetingsPerRoom; m++) {
      const start = day0 + Math.floor(m / 2) * DAY_MS + (m % 2 === 0 ? 9 : 14) * HOUR_MS;
      meetings.push({
        organizer: organizerMailbox(r + m),
        rooms: [rooms[r]],
        subject: `Meeting ${r}/${m}`,
        start: new Date(start).toISOString(),
        end: new Date(start + HOUR_MS).toISOString(),
        timeZone: 'W. Europe Standard Time',
      });
    }
  }
  return { accounts, roomLists: [{ name: 'All rooms', email: `rooms@${BENCH_DOMAIN}`, rooms }], meetings };
}
