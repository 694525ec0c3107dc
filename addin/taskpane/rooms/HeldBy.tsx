import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { RoomHolderView } from '../../../shared/schemas/search';
import { formatClock } from '../../ui/time';
import { strings } from '../strings';

const useStyles = makeStyles({
  list: { margin: 0, padding: 0, listStyleType: 'none', color: tokens.colorNeutralForeground2 },
});

export function holderLine(holder: RoomHolderView): string {
  const range = `${formatClock(holder.start)}–${formatClock(holder.end)}`;
  return holder.organizer === null
    ? strings.rooms.heldBySomeone(range)
    : strings.rooms.heldBy(range, holder.organizer, holder.subject);
}

/** Who holds a busy room at the meeting's time, as the API's privacy rules let the reader see it. */
export function HeldBy({ holders }: { holders: readonly RoomHolderView[] }) {
  const styles = useStyles();
  if (holders.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={strings.rooms.heldByLabel}>
      {holders.map((holder, index) => (
        <li key={`${holder.start}|${index}`}>
          <Caption1>{holderLine(holder)}</Caption1>
        </li>
      ))}
    </ul>
  );
}
