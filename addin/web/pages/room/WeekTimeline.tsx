import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatClock, localDate } from '../../../ui/time';
import type { WeekDay } from './week';
import { roomPageStrings as s } from './strings';

const useStyles = makeStyles({
  days: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0 },
  day: {
    display: 'grid',
    gridTemplateColumns: 'minmax(5.5em, max-content) minmax(0, 1fr)',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  bar: {
    position: 'relative',
    height: '20px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorPaletteGreenBackground2,
    overflow: 'hidden',
  },
  busy: { position: 'absolute', top: 0, bottom: 0, backgroundColor: tokens.colorPaletteRedBackground3 },
  list: {
    gridColumnStart: 2,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    color: tokens.colorNeutralForeground2,
    overflowWrap: 'anywhere',
  },
});

const weekdayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });

/**
 * The room's week, a bar per day (green free, red booked) and, under each, the bookings in words:
 * the subject when the reader may see it, else only the time (the server decides what it sends).
 */
export function WeekTimeline({ days }: { days: readonly WeekDay[] }) {
  const styles = useStyles();
  return (
    <ol className={styles.days} style={{ listStyleType: 'none' }}>
      {days.map((day) => {
        const label = weekdayFormat.format(localDate(day.date, '12:00'));
        return (
          <li key={day.date} className={styles.day} aria-label={s.dayLabel(label)} data-testid={`day-${day.date}`}>
            <Text weight="semibold">{label}</Text>
            <div className={styles.bar} aria-hidden>
              {day.busy.map((block) => (
                <div
                  key={block.start.getTime()}
                  className={styles.busy}
                  style={{ left: `${block.left}%`, width: `${block.width}%` }}
                  title={s.busy(formatClock(block.start), formatClock(block.end))}
                  data-testid="busy-block"
                />
              ))}
            </div>
            <ul className={styles.list}>
              {day.busy.length === 0 ? <li>{s.dayFree}</li> : null}
              {day.busy.map((block) => {
                const from = formatClock(block.start);
                const to = formatClock(block.end);
                return (
                  <li key={block.start.getTime()}>
                    {block.title ? s.busyWith(from, to, block.title) : s.busy(from, to)}
                  </li>
                );
              })}
            </ul>
          </li>
        );
      })}
    </ol>
  );
}
