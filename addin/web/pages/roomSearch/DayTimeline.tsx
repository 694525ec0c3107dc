import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { formatClock, formatDay } from '../../../ui/time';
import { strings } from '../../strings';
import type { DayTimelineModel } from '../../../ui/timeline';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  bar: {
    position: 'relative',
    height: '12px',
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorPaletteGreenBackground2,
    overflow: 'hidden',
  },
  busy: { position: 'absolute', top: 0, bottom: 0, backgroundColor: tokens.colorPaletteRedBackground3 },
  closed: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    backgroundColor: tokens.colorNeutralBackground5,
    backgroundImage: `repeating-linear-gradient(45deg, transparent 0 3px, ${tokens.colorNeutralStroke1} 3px 4px)`,
  },
  selection: {
    position: 'absolute',
    top: 0,
    bottom: 0,
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke1}`,
    borderRadius: tokens.borderRadiusSmall,
  },
  scale: { display: 'flex', justifyContent: 'space-between', color: tokens.colorNeutralForeground3 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/**
 * A room's day as a bar: green where it is free, red where it is booked, hatched grey where the
 * building is closed, the chosen window outlined. Screen readers get the same facts as a list.
 */
export function DayTimeline({ model }: { model: DayTimelineModel }) {
  const styles = useStyles();
  const range = (from: Date, to: Date) => strings.timeline.busyBlock(formatClock(from), formatClock(to));
  const closedRange = (from: Date, to: Date) => strings.timeline.closedBlock(formatClock(from), formatClock(to));
  return (
    <div className={styles.root} role="group" aria-label={strings.timeline.label(formatDay(model.day.start))}>
      <div className={styles.bar} aria-hidden>
        {model.closed.map((block) => (
          <div
            key={`closed-${block.start.getTime()}`}
            className={styles.closed}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
            title={closedRange(block.start, block.end)}
            data-testid="closed-block"
          />
        ))}
        {model.busy.map((block) => (
          <div
            key={`${block.start.getTime()}-${block.end.getTime()}`}
            className={styles.busy}
            style={{ left: `${block.left}%`, width: `${block.width}%` }}
            title={block.title ? `${range(block.start, block.end)}: ${block.title}` : range(block.start, block.end)}
            data-testid="busy-block"
          />
        ))}
        <div
          className={styles.selection}
          style={{ left: `${model.selection.left}%`, width: `${model.selection.width}%` }}
        />
      </div>
      <div className={styles.scale} aria-hidden>
        <Text size={100}>{formatClock(model.day.start)}</Text>
        <Text size={100}>{formatClock(model.day.end)}</Text>
      </div>
      <ul className={styles.hidden}>
        <li>{strings.timeline.selected(formatClock(model.selection.start), formatClock(model.selection.end))}</li>
        {model.closed.map((block) => (
          <li key={`closed-${block.start.getTime()}`}>{closedRange(block.start, block.end)}</li>
        ))}
        {model.busy.length === 0 ? <li>{strings.timeline.allFree}</li> : null}
        {model.busy.map((block) => (
          <li key={`${block.start.getTime()}-${block.end.getTime()}`}>
            {block.title ? `${range(block.start, block.end)}: ${block.title}` : range(block.start, block.end)}
          </li>
        ))}
      </ul>
    </div>
  );
}
