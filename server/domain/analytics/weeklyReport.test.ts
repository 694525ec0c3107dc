import type { Figures } from './figures';
import { reportWeek, weeklyReportKey, weeklyReportMail, type WeeklyReportFacts } from './weeklyReport';

const overall: Figures = {
  openHours: 600,
  bookedHours: 312,
  bookedUtilisation: 0.52,
  checkedInUtilisation: 0.31,
  noShowRate: 0.185,
  releasedHours: 14.4,
  bookings: 240,
  averageMinutes: 52,
  medianMinutes: 45,
  recurringShare: 0.4,
  underHalfCapacityShare: 0.6,
  overCapacityShare: 0.02,
};

const facts: WeeklyReportFacts = {
  week: { from: '2026-11-30', to: '2026-12-06' },
  overall,
  busiest: [{ name: 'Lighthouse', bookedUtilisation: 0.91 }],
  leastUsed: [{ name: 'Attic <3>', bookedUtilisation: 0.04 }],
  recommendations: [
    {
      kind: 'no-shows',
      subject: { kind: 'room', id: 'r1', name: 'Harbour' },
      text: 'Harbour: 31% of bookings are released as no-shows.',
      figure: 0.31,
      figureName: 'no-show rate',
    },
  ],
  link: 'https://rooms.example.test/analytics',
};

describe('the weekly analytics email', () => {
  it('names the week and gives its key figures, rooms and recommendations in plain text', () => {
    const mail = weeklyReportMail(facts);
    expect(mail.subject).toBe('Room analytics, week 2026-11-30 to 2026-12-06');
    expect(mail.text).toContain('- Booked utilisation: 52%');
    expect(mail.text).toContain('- Checked-in utilisation: 31%');
    expect(mail.text).toContain('- No-show rate: 19%');
    expect(mail.text).toContain('- Bookings: 240');
    expect(mail.text).toContain('- Median length: 45 min');
    expect(mail.text).toContain('- Lighthouse: 91% booked');
    expect(mail.text).toContain('- Harbour: 31% of bookings are released as no-shows.');
    expect(mail.text).toContain('https://rooms.example.test/analytics');
  });

  it('carries the same content as HTML, with names escaped', () => {
    const { html } = weeklyReportMail(facts);
    expect(html).toContain('<li>Attic &lt;3&gt;: 4% booked</li>');
    expect(html).not.toContain('Attic <3>');
    expect(html).toContain('<td>52%</td>');
    expect(html).toContain('<li>Harbour: 31% of bookings are released as no-shows.</li>');
  });

  it('says so when nothing stands out, and shows n/a for figures without a denominator', () => {
    const quiet = weeklyReportMail({
      ...facts,
      overall: { ...overall, checkedInUtilisation: null, medianMinutes: null },
      recommendations: [],
      busiest: [],
      leastUsed: [],
    });
    expect(quiet.text).toContain('- Checked-in utilisation: n/a');
    expect(quiet.text).toContain('- Median length: n/a');
    expect(quiet.text).toContain('- Nothing stands out this week.');
    expect(quiet.text).toContain('- none open this week');
  });

  it('lists ten recommendations at most and points to the rest', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ ...facts.recommendations[0]!, text: `Advice ${i}.` }));
    const mail = weeklyReportMail({ ...facts, recommendations: many });
    expect(mail.text).toContain('- Advice 9.');
    expect(mail.text).not.toContain('- Advice 10.');
    expect(mail.text).toContain('- and 3 more on the analytics page');
  });

  it('reports the last Monday-to-Sunday week finished in every zone', () => {
    // Tuesday: Sunday is two UTC days back, so the week just ended is reported.
    expect(reportWeek(new Date('2026-12-08T00:30:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
    // Monday: Sunday is not finished everywhere yet, so it is still the week before.
    expect(reportWeek(new Date('2026-12-07T23:00:00Z'))).toEqual({ from: '2026-11-23', to: '2026-11-29' });
    expect(reportWeek(new Date('2026-12-13T12:00:00Z'))).toEqual({ from: '2026-11-30', to: '2026-12-06' });
  });

  it('keys a report by week and recipient, whatever the address case', () => {
    const week = { from: '2026-11-30', to: '2026-12-06' };
    expect(weeklyReportKey(week, 'Ana@Example.test')).toBe(weeklyReportKey(week, 'ana@example.test'));
  });
});
