import { makeStyles, tokens } from '@fluentui/react-components';
import type { DisplayMeeting } from '../../../shared/schemas/displays';
import { clockTime, minuteOfDay } from '../model/format';
import { displayStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '0.4vmin', minWidth: 0 },
  bar: {
    position: 'relative',
    height: '6vmin',
    borderRadius: '1vmin',
    backgroundColor: tokens.colorNeutralBackground3,
    overflow: 'hidden',
    listStyle: 'none',
    margin: 0,
    padding: 0,
  },
  block: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: tokens.colorBrandBackground,
    borderLeft: `2px solid ${tokens.colorNeutralBackground1}`,
    boxSizing: 'border-box',
  },
  released: {
    backgroundColor: tokens.colorNeutralStroke1,
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 6px, ${tokens.colorNeutralBackground3} 6px 12px)`,
    opacity: 0.7,
  },
  now: { position: 'absolute', top: 0, bottom: 0, width: '3px', backgroundColor: tokens.colorNeutralForeground1 },
  hours: { position: 'relative', height: '2.6vmin', fontSize: '2.2vmin', color: tokens.colorNeutralForeground3 },
  hour: { position: 'absolute', transform: 'translateX(-50%)', whiteSpace: 'nowrap' },
});

const DAY_START = 7 * 60;
const DAY_END = 19 * 60;

export interface TimelineProps {
  readonly meetings: readonly DisplayMeeting[];
  readonly now: number;
  readonly timeZone: string;
}

/** Today as one bar: meetings as blocks (released ones greyed and hatched), and a line for now. */
export function Timeline({ meetings, now, timeZone }: TimelineProps) {
  const styles = useStyles();
  const spans = meetings.map((m) => {
    const start = minuteOfDay(m.start, timeZone);
    const end =
      Date.parse(m.end) - Date.parse(m.start) >= 86_400_000 ? 24 * 60 : minuteOfDay(m.end, timeZone) || 24 * 60;
    return { meeting: m, start, end: Math.max(end, start) };
  });
  const from = Math.floor(Math.min(DAY_START, ...spans.map((s) => s.start)) / 60) * 60;
  const to = Math.ceil(Math.max(DAY_END, ...spans.map((s) => s.end)) / 60) * 60;
  const at = (minute: number): string => `${(((minute - from) / (to - from)) * 100).toFixed(2)}%`;
  const nowMinute = minuteOfDay(now, timeZone);
  const hours: number[] = [];
  // Inner hours only: a label centred on either end would stick out of the bar.
  for (let h = from + 60; h < to; h += 120) hours.push(h);
  return (
    <section className={styles.root} aria-label={displayStrings.timelineLabel}>
      <ul className={styles.bar}>
        {spans.map(({ meeting, start, end }) => {
          const label = `${clockTime(meeting.start, timeZone)}–${clockTime(meeting.end, timeZone)} ${meeting.title}${
            meeting.released ? ` (${displayStrings.released})` : ''
          }`;
          return (
            <li
              key={`${meeting.start}|${meeting.end}`}
              aria-label={label}
              title={label}
              data-released={meeting.released || undefined}
              className={meeting.released ? `${styles.block} ${styles.released}` : styles.block}
              style={{ left: at(start), width: `calc(${at(end)} - ${at(start)})` }}
            />
          );
        })}
        {nowMinute >= from && nowMinute <= to && (
          <span aria-hidden className={styles.now} style={{ left: at(nowMinute) }} />
        )}
      </ul>
      <div className={styles.hours} aria-hidden>
        {hours.map((h) => (
          <span key={h} className={styles.hour} style={{ left: at(h) }}>
            {String(Math.floor(h / 60) % 24).padStart(2, '0')}
          </span>
        ))}
      </div>
    </section>
  );
}
