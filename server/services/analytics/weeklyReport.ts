import { randomUUID } from 'node:crypto';
import { reportWeek, weeklyReportKey, weeklyReportMail, type ReportMail } from '../../domain/analytics/weeklyReport';
import type { DateRange } from '../../domain/analytics/types';
import type { AnalyticsReportMailbox, AnalyticsSettingsStore } from '../../ports/analytics';
import type { Clock } from '../../ports/clock';
import type { AnalyticsService } from './index';

export interface WeeklyReportDeps {
  readonly analytics: AnalyticsService;
  readonly settings: Pick<AnalyticsSettingsStore, 'reportRecipients'>;
  readonly mailbox: AnalyticsReportMailbox;
  readonly clock: Clock;
  /** The installation's /analytics page, linked from the email. */
  readonly pageUrl: string;
}

export interface WeeklyReportJob {
  /**
   * Queues last week's report for every recipient who has not had it (the hourly sweep): once per
   * week and recipient, however often and on however many instances it runs. Returns how many it queued.
   */
  run(): Promise<number>;
  /** Queues last week's report now for these addresses, outside the weekly count (a preview). */
  preview(to: readonly string[]): Promise<number>;
}

export function createWeeklyReportJob(deps: WeeklyReportDeps): WeeklyReportJob {
  async function mailFor(week: DateRange): Promise<ReportMail> {
    const [{ report }, recommendations] = await Promise.all([
      deps.analytics.overview(week),
      deps.analytics.recommendations(week),
    ]);
    const ranked = (list: typeof report.busiest) =>
      list.map((r) => ({ name: r.room.name, bookedUtilisation: r.figures.bookedUtilisation }));
    return weeklyReportMail({
      week,
      overall: report.overall,
      busiest: ranked(report.busiest),
      leastUsed: ranked(report.leastUsed),
      recommendations,
      link: deps.pageUrl,
    });
  }

  return {
    async run() {
      const recipients = await deps.settings.reportRecipients();
      if (recipients.length === 0) return 0;
      const week = reportWeek(deps.clock.now());
      const keys = new Map(recipients.map((to) => [weeklyReportKey(week, to), to]));
      const done = await deps.mailbox.queued([...keys.keys()]);
      const due = [...keys.entries()].filter(([key]) => !done.has(key));
      // The figures are computed only when someone still waits for this week's report.
      if (due.length === 0) return 0;
      const mail = await mailFor(week);
      let queued = 0;
      for (const [dedupeKey, to] of due) if (await deps.mailbox.enqueue({ dedupeKey, to, ...mail })) queued += 1;
      return queued;
    },
    async preview(to) {
      const mail = await mailFor(reportWeek(deps.clock.now()));
      const preview = { ...mail, subject: `[Preview] ${mail.subject}` };
      for (const address of to)
        await deps.mailbox.enqueue({ dedupeKey: `analytics-preview:${randomUUID()}`, to: address, ...preview });
      return to.length;
    },
  };
}
