import { describe, expect, it } from '@jest/globals';
import type { DisplayState } from '../../../shared/schemas/displays';
import { createInProcessRoomChanges } from '../../adapters/roomChanges/inProcess';
import { createDisplayLiveService } from './live';

const display = { displayId: 'd1', roomId: 'r1' };
const flush = () => new Promise((r) => setTimeout(r, 0));

function harness() {
  const changes = createInProcessRoomChanges();
  let reads = 0;
  let paired = true;
  let release: (() => void) | undefined;
  let hold = false;
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
    onError: () => undefined,
  });
  const sent: string[] = [];
  let ended = 0;
  const stop = live.follow(display, { state: (s) => sent.push(s.now), end: () => (ended += 1) });
  return {
    changes,
    sent,
    stop,
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
});
