// @timezone-sensitive: the building's zone is named only where the browser's clocks read otherwise.
import { describe, expect, it } from '@jest/globals';
import { buildingTimeNote, formatClock, formatClockIn, formatDateTime, formatDayClock, zoneDiffers } from './time';

const HERE = Intl.DateTimeFormat().resolvedOptions().timeZone;
// 13:00 UTC on a summer day: 15:00 in Berlin, 09:00 in New York.
const AFTERNOON = '2026-05-04T13:00:00.000Z';

describe('one 24-hour clock everywhere', () => {
  it('never shows AM or PM, whatever the locale would pick', () => {
    expect(formatClock(AFTERNOON, 'Europe/Berlin')).toBe('15:00');
    expect(formatClock(AFTERNOON, 'America/New_York')).toBe('09:00');
    expect(formatClock(new Date(AFTERNOON))).not.toMatch(/AM|PM/i);
  });

  it('shows admin instants to the second on the 24-hour clock', () => {
    const shown = formatDateTime('2026-05-04T14:57:46.000Z');
    expect(shown).not.toMatch(/AM|PM/i);
    expect(shown).toMatch(/\d{2}:57:46/);
    expect(shown).toContain('2026');
  });

  it('shows when a meeting starts with its day, to the minute: no seconds', () => {
    const shown = formatDayClock('2026-12-09T07:30:00.000Z');
    expect(shown.endsWith(`, ${formatClock('2026-12-09T07:30:00.000Z')}`)).toBe(true);
    expect(shown).not.toMatch(/\d{2}:\d{2}:\d{2}|AM|PM/i);
  });

  it('falls back to the browser’s clock for an unknown zone', () => {
    expect(formatClock(AFTERNOON, 'Mars/Olympus')).toBe(formatClock(AFTERNOON));
  });
});

describe('the building’s zone', () => {
  it('is named where its clocks read otherwise than the browser’s', () => {
    const berlinIsHere = formatClock(AFTERNOON) === '15:00';
    expect(zoneDiffers('Europe/Berlin', AFTERNOON)).toBe(!berlinIsHere);
    expect(formatClockIn(AFTERNOON, 'Europe/Berlin')).toBe(berlinIsHere ? '15:00' : '15:00 (Europe/Berlin)');
    expect(buildingTimeNote(AFTERNOON, '2026-05-04T14:00:00.000Z', 'Europe/Berlin')).toBe(
      berlinIsHere ? undefined : '15:00–16:00 Europe/Berlin',
    );
  });

  it('is not named for the browser’s own zone, nor an unknown one', () => {
    expect(zoneDiffers(HERE, AFTERNOON)).toBe(false);
    expect(formatClockIn(AFTERNOON, HERE)).toBe(formatClock(AFTERNOON));
    expect(zoneDiffers('Mars/Olympus', AFTERNOON)).toBe(false);
  });

  it('runs under two zones: the test passes know which one this is', () => {
    // UTC (first pass) is another clock than Berlin's; the second pass runs in Berlin.
    expect(zoneDiffers('Europe/Berlin', AFTERNOON)).toBe(HERE !== 'Europe/Berlin');
  });
});
