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
