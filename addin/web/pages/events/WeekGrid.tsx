import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { GridRoom } from './FavouritesGrid';
import { freeMinutes } from './grid';
import { eventStrings as s } from './strings';

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse' },
  room: { textAlign: 'left', paddingRight: tokens.spacingHorizontalM, whiteSpace: 'nowrap' },
  dayHead: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase200, textAlign: 'center' },
  cell: {
    minWidth: '64px',
    width: '100%',
    height: '44px',
    padding: `0 ${tokens.spacingHorizontalXS}`,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground1,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  some: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  none: {
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 4px, ${tokens.colorNeutralStroke1} 4px 5px)`,
  },
});

const dayHead = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'numeric' });
const dayLong = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long' });

const asDate = (day: string): Date => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1);
};

/** "6½ h": free time in half hours, as the grid counts it. */
const hoursText = (minutes: number): string => {
  const whole = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${whole} h` : `${whole}½ h`;
};

/**
 * Favourite rooms × the seven days of a week: each cell says how much of the day (07:00–20:00)
 * is free, in words as well as colour (free, partly, fully booked). A cell opens that day's grid,
 * where free time is picked for a new event.
 */
export function WeekGrid({
  days,
  rooms,
  onOpenDay,
}: {
  days: readonly string[];
  rooms: readonly GridRoom[];
  onOpenDay: (day: string) => void;
}) {
  const styles = useStyles();
  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={s.weekLabel}>
        <thead>
          <tr>
            <th />
            {days.map((day) => (
              <th key={day} scope="col" className={styles.dayHead}>
                {dayHead.format(asDate(day))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rooms.map((room) => (
            <tr key={room.id}>
              <th scope="row" className={styles.room}>
                {room.name}
              </th>
              {days.map((day) => {
                const { free, total } = freeMinutes(day, room.busy);
                const shown = free === 0 ? s.week.full : free === total ? s.week.allFree : s.week.free(hoursText(free));
                const label = s.week.cell(room.name, dayLong.format(asDate(day)), shown);
                return (
                  <td key={day} style={{ padding: 0 }}>
                    <button
                      type="button"
                      aria-label={label}
                      title={label}
                      data-day={`${room.id}:${day}`}
                      className={mergeClasses(
                        styles.cell,
                        free === 0 && styles.none,
                        free > 0 && free < total && styles.some,
                      )}
                      onClick={() => onOpenDay(day)}
                    >
                      {shown}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
