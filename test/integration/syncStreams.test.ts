import { describe, expect, it } from '@jest/globals';
import { InMemoryCalendarGateway } from '../fakes/inMemoryCalendarGateway';
import type { StreamState } from '../../server/ports/syncStore';
import { createStreamSupervisor } from '../../server/sync/streamSupervisor';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const mailboxes = (n: number): string[] =>
  Array.from({ length: n }, (_, i) => `room${String(i).padStart(3, '0')}@northwind.test`);

function supervise(gateway: InMemoryCalendarGateway, options: { streamingRetryMs?: number } = {}) {
  const changed: string[] = [];
  const opened: string[][] = [];
  const states = new Map<string, StreamState>();
  const supervisor = createStreamSupervisor({
    gateway,
    groupSize: 200,
    initialBackoffMs: 10,
    maxBackoffMs: 40,
    pullIntervalMs: 5_000,
    ...options,
    onChange: (m) => changed.push(m),
    onOpened: (m) => opened.push([...m]),
    onState: (ms, state) => ms.forEach((m) => states.set(m, state)),
    onReconnect: () => undefined,
  });
  return { supervisor, changed, opened, states };
}

describe('stream supervisor', () => {
  it('covers 450 mailboxes with three connections and passes notifications on', async () => {
    const gateway = new InMemoryCalendarGateway();
    const s = supervise(gateway);
    s.supervisor.watch(mailboxes(450));
    await sleep(10);
    expect(gateway.openStreamCount()).toBe(3);
    expect(s.states.get('room449@northwind.test')).toBe('streaming');
    gateway.putMeeting('room449@northwind.test', {
      itemId: 'I',
      cleanGlobalObjectId: 'G',
      organizer: { name: 'Emma', email: 'emma@northwind.test' },
      subject: 'Emma',
      instances: [{ start: '2026-05-05T09:00:00Z', end: '2026-05-05T10:00:00Z' }],
    });
    expect(s.changed).toEqual(['room449@northwind.test']);
    await s.supervisor.stop();
    expect(gateway.openStreamCount()).toBe(0);
  });

  it('opens new groups one at a time, in mailbox order, so the first rooms sync without waiting for every subscription', async () => {
    const gateway = new InMemoryCalendarGateway();
    const release = gateway.holdStreamOpens();
    const s = supervise(gateway);
    s.supervisor.watch([...mailboxes(450)].reverse());
    await sleep(10);
    expect(gateway.callCount('openStream')).toBe(1);
    expect(s.opened).toEqual([]);
    release();
    await sleep(10);
    expect(gateway.openStreamCount()).toBe(3);
    expect(s.opened.map((group) => [group[0], group.length])).toEqual([
      ['room000@northwind.test', 200],
      ['room200@northwind.test', 200],
      ['room400@northwind.test', 50],
    ]);
    await s.supervisor.stop();
  });

  it('reopens dropped streams with back-off and asks for a catch-up sync of their rooms', async () => {
    const gateway = new InMemoryCalendarGateway();
    const s = supervise(gateway);
    s.supervisor.watch(mailboxes(2));
    await sleep(10);
    gateway.failNext('openStream', 'transient');
    gateway.dropStreams();
    expect(s.states.get('room000@northwind.test')).toBe('reconnecting');
    await sleep(150);
    expect(gateway.openStreamCount()).toBe(1);
    expect(gateway.callCount('openStream')).toBe(3);
    // The first open and the reopen each ask for a catch-up sync.
    expect(s.opened).toEqual([mailboxes(2), mailboxes(2)]);
    expect(s.states.get('room000@northwind.test')).toBe('streaming');
    await s.supervisor.stop();
  });

  const meetingIn = (gateway: InMemoryCalendarGateway, mailbox: string): void =>
    gateway.putMeeting(mailbox, {
      itemId: 'I',
      cleanGlobalObjectId: 'G',
      organizer: { name: 'Emma', email: 'emma@northwind.test' },
      subject: 'Emma',
      instances: [{ start: '2026-05-05T09:00:00Z', end: '2026-05-05T10:00:00Z' }],
    });

  it('keeps the open streams when rooms come and go, and catches up a room that comes back', async () => {
    const gateway = new InMemoryCalendarGateway();
    const s = supervise(gateway);
    const rooms = mailboxes(401);
    const [first, second, newcomer] = [rooms.slice(0, 200), rooms.slice(200, 400), rooms[400] as string];
    s.supervisor.watch([...first, ...second]);
    await sleep(10);
    expect(gateway.callCount('openStream')).toBe(2);
    // A failover hands this instance one more room: one new stream, none reopened, no other room synced again.
    s.supervisor.watch([...first, ...second, newcomer]);
    await sleep(10);
    expect(gateway.callCount('openStream')).toBe(3);
    expect(s.opened.slice(2)).toEqual([[newcomer]]);
    // A room given to another instance: its stream stays, its notifications are no longer this instance's.
    const given = first[5] as string;
    s.supervisor.watch(rooms.filter((m) => m !== given));
    await sleep(10);
    expect(gateway.callCount('openStream')).toBe(3);
    meetingIn(gateway, given);
    expect(s.changed).toEqual([]);
    // Back again: its notifications count, and it is synced once for what it was not told meanwhile.
    s.supervisor.watch(rooms);
    expect(s.opened.slice(3)).toEqual([[given]]);
    meetingIn(gateway, given);
    expect(s.changed).toEqual([given]);
    // Most of a group gone: it is re-formed, and only its remaining rooms are synced again.
    const kept = [...first.slice(0, 50), ...second, newcomer];
    s.supervisor.watch(kept);
    await sleep(10);
    expect(gateway.openStreamCount()).toBe(3);
    expect(s.opened.slice(4)).toEqual([first.slice(0, 50)]);
    await s.supervisor.stop();
  });

  it('falls back to pull subscriptions when streaming is refused, and still passes notifications on', async () => {
    const gateway = new InMemoryCalendarGateway();
    gateway.streamingAvailable = false;
    const s = supervise(gateway);
    s.supervisor.watch(mailboxes(1));
    await sleep(20);
    expect(s.states.get('room000@northwind.test')).toBe('pull');
    expect(gateway.pullIntervals).toEqual([5_000]);
    meetingIn(gateway, 'room000@northwind.test');
    expect(s.changed).toEqual(['room000@northwind.test']);
    await s.supervisor.stop();
    expect(gateway.openStreamCount()).toBe(0);
  });

  it('leaves only the safety sync (polling) when pull subscriptions are refused as well', async () => {
    const gateway = new InMemoryCalendarGateway();
    gateway.streamingAvailable = false;
    gateway.pullAvailable = false;
    const s = supervise(gateway);
    s.supervisor.watch(mailboxes(1));
    await sleep(20);
    expect(s.states.get('room000@northwind.test')).toBe('polling');
    await s.supervisor.stop();
  });

  it('switches to pull after streams keep dying young, and tries streaming again later', async () => {
    const gateway = new InMemoryCalendarGateway();
    const s = supervise(gateway, { streamingRetryMs: 300 });
    s.supervisor.watch(mailboxes(1));
    await sleep(10);
    for (let drop = 0; drop < 3; drop += 1) {
      expect(gateway.dropStreams()).toBe(1);
      await sleep(60);
    }
    expect(s.states.get('room000@northwind.test')).toBe('pull');
    expect(gateway.callCount('openStream')).toBe(3);
    expect(gateway.callCount('openPullStream')).toBe(1);
    await sleep(400);
    expect(s.states.get('room000@northwind.test')).toBe('streaming');
    expect(gateway.callCount('openStream')).toBe(4);
    await s.supervisor.stop();
  });
});
