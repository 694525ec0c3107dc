import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { Link } from 'react-router';
import type { PlanNextMeeting, PlanRoom } from '../../../../shared/schemas/plan';
import { RoomTags } from '../../../ui/rooms/RoomSummary';
import { formatClock } from '../../../ui/time';
import { BookButton } from '../bookings/BookingDialog';
import { usePlanBooking } from './planBooking';
import { StateBadge } from './StateBadge';
import { planStrings as s } from './strings';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  name: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  picture: {
    width: '100%',
    maxWidth: '280px',
    aspectRatio: '4 / 3',
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
  },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "09:00–10:00" on the building's clocks. */
export const spanText = (m: PlanNextMeeting, timeZone: string): string =>
  s.fromTo(formatClock(m.start, timeZone), formatClock(m.end, timeZone));

/** Who has it, as the API let the reader see it: a name, or nothing when names are hidden. */
export function holderText(m: PlanNextMeeting): string {
  const who = m.organizer === null ? null : s.byWhom(m.organizer);
  return [m.subject ?? null, who].filter(Boolean).join(', ') || s.hiddenSubject;
}

export interface BookingSlot {
  readonly start: Date;
  readonly end: Date;
}

/** Everything the plan knows of one room: state, holder, times, attendees, capacity, tags, picture, what is next. */
export function RoomFacts({ room, timeZone }: { room: PlanRoom; timeZone: string }) {
  const styles = useStyles();
  const book = usePlanBooking();
  const current = room.current;
  const picture = room.images[0];
  return (
    <section className={styles.card} aria-label={room.name} data-testid="room-facts">
      <div className={styles.head}>
        <Text as="h2" size={500} weight="semibold" className={styles.name}>
          {room.name}
        </Text>
        <StateBadge state={room.state} />
      </div>
      {current ? (
        <div>
          <Text block weight="semibold">
            {current.subject ?? s.hiddenSubject}
          </Text>
          {current.organizer ? <Text block>{s.byWhom(current.organizer)}</Text> : null}
          <Text block>{spanText(current, timeZone)}</Text>
          {current.attendeeCount !== null ? <Text block>{s.attendees(current.attendeeCount)}</Text> : null}
        </div>
      ) : null}
      <Text>{s.capacity(room.capacity)}</Text>
      <RoomTags tags={room.tags} />
      {picture ? <img className={styles.picture} src={picture.url} alt={picture.alt} loading="lazy" /> : null}
      <Text weight="semibold">{s.nextMeetings}</Text>
      {room.next.length === 0 ? (
        <Text className={styles.muted}>{s.noNextMeetings}</Text>
      ) : (
        <ul className={styles.list}>
          {room.next.map((m) => (
            <li key={m.start}>
              {spanText(m, timeZone)}: {holderText(m)}
            </li>
          ))}
        </ul>
      )}
      <div className={styles.head}>
        {/* Offered for every room the reader may book (the dialog picks the time). */}
        {room.bookable ? <BookButton room={room} onClick={() => book(room)} /> : null}
        <Link to={`/rooms/${room.id}`}>{s.openRoom}</Link>
      </div>
    </section>
  );
}
