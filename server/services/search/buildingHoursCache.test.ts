import { describe, expect, it } from '@jest/globals';
import type { BuildingHours } from '../../ports/roomSearch';
import { createBuildingHoursCache } from './buildingHoursCache';

const harbour = (close: string): BuildingHours => ({
  buildingId: 'harbour',
  timeZone: 'Europe/Berlin',
  openingHours: { mon: [{ open: '07:00', close }] },
});

/** A clock the test moves by hand. */
function handClock() {
  let now = Date.parse('2026-05-04T08:00:00Z');
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

function cacheOver(answers: Array<BuildingHours[] | Error>, maxAgeMs = 60_000) {
  const clock = handClock();
  let loads = 0;
  const cache = createBuildingHoursCache({
    clock,
    maxAgeMs,
    load: () => {
      const answer = answers[Math.min(loads, answers.length - 1)];
      loads += 1;
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer ?? []);
    },
  });
  return { cache, clock, loads: () => loads };
}

describe('the buildings’ opening hours cache', () => {
  it('reads the buildings once for many searches, and concurrent searches share the read', async () => {
    const { cache, loads } = cacheOver([[harbour('19:00')]]);
    await Promise.all([cache.hours(), cache.hours(), cache.hours()]);
    await cache.hours();
    expect(loads()).toBe(1);
    expect((await cache.hours()).get('harbour')?.openingHours.mon).toEqual([{ open: '07:00', close: '19:00' }]);
  });

  it('reads again after a building changed', async () => {
    const { cache, loads } = cacheOver([[harbour('19:00')], [harbour('22:00')]]);
    await cache.hours();
    cache.invalidate();
    expect((await cache.hours()).get('harbour')?.openingHours.mon).toEqual([{ open: '07:00', close: '22:00' }]);
    expect(loads()).toBe(2);
  });

  it('reads again once the answer is older than maxAgeMs (changes made through another instance)', async () => {
    const { cache, clock, loads } = cacheOver([[harbour('19:00')], [harbour('20:00')]], 1_000);
    await cache.hours();
    clock.advance(999);
    await cache.hours();
    expect(loads()).toBe(1);
    clock.advance(1);
    expect((await cache.hours()).get('harbour')?.openingHours.mon?.[0]?.close).toBe('20:00');
  });

  it('does not keep a failed read', async () => {
    const { cache, loads } = cacheOver([new Error('database down'), [harbour('19:00')]]);
    await expect(cache.hours()).rejects.toThrow('database down');
    expect((await cache.hours()).size).toBe(1);
    expect(loads()).toBe(2);
  });
});
