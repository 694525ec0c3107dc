import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatClock } from '../../../ui/time';
import { cellsOf, isBusy, selection, type Busy } from './grid';
import { eventStrings as s } from './strings';

export interface GridRoom {
  readonly id: string;
  readonly name: string;
  readonly busy: readonly Busy[];
}

const useStyles = makeStyles({
  scroll: { overflowX: 'auto' },
  table: { borderCollapse: 'collapse', userSelect: 'none' },
  room: { textAlign: 'left', paddingRight: tokens.spacingHorizontalM, whiteSpace: 'nowrap' },
  hour: { fontWeight: tokens.fontWeightRegular, fontSize: tokens.fontSizeBase100, textAlign: 'left' },
  cell: {
    width: '22px',
    height: '32px',
    padding: 0,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    cursor: 'pointer',
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  busy: {
    cursor: 'not-allowed',
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 4px, ${tokens.colorNeutralStroke1} 4px 5px)`,
  },
  picked: { backgroundColor: tokens.colorBrandBackground },
});

/**
 * Favourite rooms × half hours of one day. Free cells are green, busy ones hatched (not colour
 * alone); dragging across free cells (or clicking one) picks that stretch for a new event.
 */
export function FavouritesGrid({
  day,
  rooms,
  onPick,
}: {
  day: string;
  rooms: readonly GridRoom[];
  onPick: (room: GridRoom, range: { start: Date; end: Date }) => void;
}) {
  const styles = useStyles();
  const cells = cellsOf(day);
  const [drag, setDrag] = useState<{ roomId: string; from: number; to: number }>();

  const finish = (room: GridRoom) => {
    if (!drag || drag.roomId !== room.id) return;
    const range = selection(cells, room.busy, drag.from, drag.to);
    setDrag(undefined);
    if (range) onPick(room, range);
  };

  const picked = (room: GridRoom, index: number): boolean => {
    if (!drag || drag.roomId !== room.id) return false;
    const range = selection(cells, room.busy, drag.from, drag.to);
    const cell = cells[index];
    return range !== undefined && cell !== undefined && cell.start >= range.start && cell.end <= range.end;
  };

  return (
    <div className={styles.scroll}>
      <table className={styles.table} aria-label={s.gridLabel} onPointerLeave={() => setDrag(undefined)}>
        <thead>
          <tr>
            <th />
            {cells.map((c) => (
              <th key={c.index} className={styles.hour} scope="col">
                {c.start.getMinutes() === 0 ? formatClock(c.start) : ''}
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
              {cells.map((c) => {
                const taken = isBusy(c, room.busy);
                const label = (taken ? s.busy : s.free)(room.name, formatClock(c.start));
                return (
                  <td key={c.index} style={{ padding: 0 }}>
                    <button
                      type="button"
                      aria-label={label}
                      title={label}
                      disabled={taken}
                      data-cell={`${room.id}:${c.index}`}
                      className={mergeClasses(
                        styles.cell,
                        taken && styles.busy,
                        picked(room, c.index) && styles.picked,
                      )}
                      onPointerDown={(e) => {
                        e.preventDefault();
                        if (!taken) setDrag({ roomId: room.id, from: c.index, to: c.index });
                      }}
                      onPointerEnter={() => setDrag((d) => (d && d.roomId === room.id ? { ...d, to: c.index } : d))}
                      onPointerUp={() => finish(room)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onPick(room, { start: c.start, end: c.end });
                        }
                      }}
                    />
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
