import { describe, expect, it } from '@jest/globals';
import type { DisplayState } from '../../../shared/schemas/displays';
import { createChangeBus } from '../../domain/changeBus';
import type { RoomChange } from '../../ports/roomChanges';
import { createDisplayLiveService } from './live';

const display = { displayId: 'd1', roomId: 'r1' };
const flush = () => new Promise((r) => setTimeout(r, 0));

function harness() {
  const bus = createChangeBus<RoomChange>();
  const changes = {
    publish: (change: RoomChange) => Promise.resolve(bus.publish(change)),
    subscribe: bus.subscribe,
  };
  let reads = 0;
  let paired = true;
  let release: (() => void) | undefined;
  let hold = false;
  let now = Date.parse('2026-05-04T08:00:00Z');
  const seen: number[] = [];
  const live = createDisplayLiveService({
    changes,
    state: {
      stateOf: async () => {
        reads += 1;
        if (hold) await new Promise<void>((r) => (release = r));
        return { now: String(reads) } as unknown as DisplayState;
      },
    },
    stillPaired: () => Promise.resolve(paired),
    markSeen: () => Promise.resolve(void seen.push(now)),
    clock: { now: () => new Date(now) },
    onError: () => undefined,
  });
  const sent: string[] = [];
  let ended = 0;
  const followed = live.follow(display, { state: (s) => sent.push(s.now), end: () => (ended += 1) });
  return {
    changes,
    sent,
    followed,
    seen,
    advance: (ms: number) => (now += ms),
    reads: () => reads,
    ended: () => ended,
    revoke: () => (paired = false),
    holdReads: () => (hold = true),
    releaseRead: () => {
      hold = false;
      release?.();
    },
  };
}

describe('a display stream', () => {
  it('sends the state at once, then after changes of its room, its display or all rooms only', async () => {
    const h = harness();
    await flush();
    expect(h.sent).toEqual(['1']);
    await h.changes.publish({ kind: 'room', roomId: 'other' });
    await h.changes.publish({ kind: 'display', displayId: 'other' });
    await flush();
    expect(h.sent).toEqual(['1']);
    await h.changes.publish({ kind: 'room', roomId: 'r1' });
    await flush();
    await h.changes.publish({ kind: 'display', displayId: 'd1' });
    await flush();
    await h.changes.publish({ kind: 'all-rooms' });
    await flush();
    expect(h.sent).toEqual(['1', '2', '3', '4']);
  });

  it('reads once more after a burst that came while reading, not once per change', async () => {
    const h = harness();
    await flush();
    h.holdReads();
    await h.changes.publish({ kind: 'room', roomId: 'r1' });
    await flush();
    for (let i = 0; i < 20; i++) await h.changes.publish({ kind: 'room', roomId: 'r1' });
    h.releaseRead();
    await flush();
    await flush();
    expect(h.reads()).toBe(3);
  });

  it('ends when the display was revoked, and hears nothing after the stop', async () => {
    const h = harness();
    await flush();
    h.revoke();
    await h.changes.publish({ kind: 'display', displayId: 'd1' });
    await flush();
    expect(h.ended()).toBe(1);
    await h.changes.publish({ kind: 'room', roomId: 'r1' });
    await flush();
    expect(h.reads()).toBe(1);
  });

  it('records the display as seen at most once a minute while its keep-alives go out', () => {
    const h = harness();
    for (let i = 0; i < 4; i++) {
      h.advance(25_000);
      h.followed.heartbeat();
    }
    // 25, 50: not yet; 75: seen; 100: 25 s after that.
    expect(h.seen).toEqual([Date.parse('2026-05-04T08:01:15Z')]);
    h.followed.stop();
    h.advance(120_000);
    h.followed.heartbeat();
    expect(h.seen).toHaveLength(1);
  });
});
