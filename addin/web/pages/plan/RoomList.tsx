import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import type { PlanRoom } from '../../../../shared/schemas/plan';
import { BookButton } from '../bookings/BookingDialog';
import { usePlanBooking } from './planBooking';
import { holderText, spanText } from './RoomFacts';
import { StateBadge } from './StateBadge';
import { planStrings as s } from './strings';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: 'anywhere',
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

/** The floor's rooms as a list with the plan's facts: at 320 px, and for floors without a plan. */
export function RoomList({ label, rooms, timeZone }: { label: string; rooms: readonly PlanRoom[]; timeZone: string }) {
  const styles = useStyles();
  const book = usePlanBooking();
  return (
    <ul className={styles.list} aria-label={label} data-testid="room-list">
      {rooms.map((room) => (
        <li key={room.id} className={styles.item} data-state={room.state} data-room={room.name}>
          <div className={styles.head}>
            <Link to={`/rooms/${room.id}`}>
              <Text weight="semibold">{room.name}</Text>
            </Link>
            <StateBadge state={room.state} />
          </div>
          {room.current ? (
            <Text>
              {spanText(room.current, timeZone)}: {holderText(room.current)}
            </Text>
          ) : null}
          <Text>
            {s.capacity(room.capacity)}
            {room.next[0] ? ` · ${s.nextMeetings}: ${spanText(room.next[0], timeZone)}` : ''}
          </Text>
          {room.bookable ? (
            <div>
              <BookButton room={room} onClick={() => book(room)} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
