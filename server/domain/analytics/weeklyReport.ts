import type { Figures } from './figures';
import type { Recommendation } from './recommendations';
import type { DateRange } from './types';

/** What the weekly email says: the week's key figures and the recommendations behind them. */
export interface WeeklyReportFacts {
  readonly week: DateRange;
  readonly overall: Figures;
  readonly busiest: readonly { readonly name: string; readonly bookedUtilisation: number | null }[];
  readonly leastUsed: readonly { readonly name: string; readonly bookedUtilisation: number | null }[];
  readonly recommendations: readonly Recommendation[];
  /** The /analytics page of this installation, for the full figures. */
  readonly link: string;
}

export interface ReportMail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const MAX_RECOMMENDATIONS = 10;

const percent = (share: number | null): string => (share === null ? 'n/a' : `${Math.round(share * 100)}%`);
const hours = (h: number): string => `${Math.round(h)} h`;
const minutes = (m: number | null): string => (m === null ? 'n/a' : `${Math.round(m)} min`);

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function keyFigures(f: Figures): [string, string][] {
  return [
    ['Booked utilisation', percent(f.bookedUtilisation)],
    ['Checked-in utilisation', percent(f.checkedInUtilisation)],
    ['No-show rate', percent(f.noShowRate)],
    ['Bookings', String(f.bookings)],
    ['Booked hours', hours(f.bookedHours)],
    ['Released hours', hours(f.releasedHours)],
    ['Median length', minutes(f.medianMinutes)],
    ['Meetings using under half the seats', percent(f.underHalfCapacityShare)],
  ];
}

const ranked = (rooms: WeeklyReportFacts['busiest']): string[] =>
  rooms.map((r) => `${r.name}: ${percent(r.bookedUtilisation)} booked`);

/** The weekly analytics email, plain text and simple HTML with the same content. */
export function weeklyReportMail(facts: WeeklyReportFacts): ReportMail {
  const { week } = facts;
  const subject = `Room analytics, week ${week.from} to ${week.to}`;
  const figures = keyFigures(facts.overall);
  const advice = facts.recommendations.slice(0, MAX_RECOMMENDATIONS).map((r) => r.text);
  const more = facts.recommendations.length - advice.length;
  const adviceLines = advice.length > 0 ? advice : ['Nothing stands out this week.'];
  const text = [
    subject,
    '',
    'Key figures',
    ...figures.map(([name, value]) => `- ${name}: ${value}`),
    '',
    'Busiest rooms',
    ...(facts.busiest.length > 0 ? ranked(facts.busiest).map((l) => `- ${l}`) : ['- none open this week']),
    '',
    'Least used rooms',
    ...(facts.leastUsed.length > 0 ? ranked(facts.leastUsed).map((l) => `- ${l}`) : ['- none open this week']),
    '',
    'Recommendations',
    ...adviceLines.map((l) => `- ${l}`),
    ...(more > 0 ? [`- and ${more} more on the analytics page`] : []),
    '',
    `Every figure, for any range: ${facts.link}`,
    '',
  ].join('\n');

  const list = (items: readonly string[]) => `<ul>${items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
  const rows = figures
    .map(
      ([name, value]) => `<tr><th scope="row" align="left">${escapeHtml(name)}</th><td>${escapeHtml(value)}</td></tr>`,
    )
    .join('');
  const html = [
    '<!doctype html><html><body style="font-family: sans-serif">',
    `<h1 style="font-size: 18px">${escapeHtml(subject)}</h1>`,
    '<h2 style="font-size: 15px">Key figures</h2>',
    `<table cellpadding="4">${rows}</table>`,
    '<h2 style="font-size: 15px">Busiest rooms</h2>',
    list(facts.busiest.length > 0 ? ranked(facts.busiest) : ['none open this week']),
    '<h2 style="font-size: 15px">Least used rooms</h2>',
    list(facts.leastUsed.length > 0 ? ranked(facts.leastUsed) : ['none open this week']),
    '<h2 style="font-size: 15px">Recommendations</h2>',
    list([...adviceLines, ...(more > 0 ? [`and ${more} more on the analytics page`] : [])]),
    `<p><a href="${escapeHtml(facts.link)}">Every figure, for any range</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}

/** The Monday-to-Sunday week the report covers: the last one finished everywhere (two UTC days back). */
export function reportWeek(now: Date): DateRange {
  const lastFinished = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() - 2));
  const sunday = new Date(lastFinished);
  sunday.setUTCDate(sunday.getUTCDate() - (lastFinished.getUTCDay() % 7));
  const monday = new Date(sunday);
  monday.setUTCDate(monday.getUTCDate() - 6);
  return { from: monday.toISOString().slice(0, 10), to: sunday.toISOString().slice(0, 10) };
}

/** One report per week and recipient: the outbox's unique dedupe key. */
export const weeklyReportKey = (week: DateRange, recipient: string): string =>
  `analytics-weekly:${week.from}:${recipient.toLowerCase()}`;
