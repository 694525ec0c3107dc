import { useEffect, useRef } from 'react';
import { Caption1, Card, CardFooter, CardPreview, cardCSSVars, makeStyles, tokens } from '@fluentui/react-components';
import { ImageOffRegular } from '@fluentui/react-icons';
import { Link } from 'react-router';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../../shared/schemas/search';
import { useApi } from '../../../ui/hooks/useApi';
import { mayBook } from '../../../ui/rooms/mayBook';
import { useSignedInUser } from '../../../ui/session/useSession';
import { useAsync } from '../../../ui/hooks/useAsync';
import { strings } from '../../strings';
import { buildingTimeNote, toOffsetIso } from '../../../ui/time';
import { BookRoomButton } from '../bookings/BookingDialog';
import { AvailabilityBadge } from '../../../ui/rooms/AvailabilityBadge';
import { uiStrings } from '../../../ui/strings';
import { DayTimeline } from './DayTimeline';
import { dayTimeline, type BusyInput, type Interval } from '../../../ui/timeline';
import { RoomCardHeader, RoomTags } from '../../../ui/rooms/RoomSummary';

const useStyles = makeStyles({
  card: { height: '100%' },
  preview: { aspectRatio: '16 / 9', backgroundColor: tokens.colorNeutralBackground3 },
  image: { width: '100%', height: '100%', objectFit: 'cover', display: 'block' },
  noImage: {
    height: '100%',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingVerticalXS,
    color: tokens.colorNeutralForeground3,
  },
  note: { color: tokens.colorNeutralForeground3 },
  nameLink: { color: tokens.colorBrandForegroundLink, ':hover': { color: tokens.colorBrandForegroundLinkHover } },
  // Availability, timeline and Book at the foot of the card, level across a row of cards
  // whose names and tags take different heights. The gap is the Card's own.
  foot: {
    marginTop: 'auto',
    display: 'flex',
    flexDirection: 'column',
    gap: `var(${cardCSSVars.cardSizeVar})`,
  },
});

export interface RoomCardProps {
  readonly room: RoomSearchResult;
  /** The day being searched (YYYY-MM-DD) and the chosen window on it. */
  readonly date: string;
  readonly selection: Interval;
  /** Bookings made on this page so far: each one reads the room's day again. */
  readonly bookingsMade?: number;
  /** Told when a booking made from this card appears or changes. */
  readonly onBooked?: () => void;
}

/**
 * The room's day: its schedule from the API once loaded; until then (or if that fails) the busy
 * intervals the search already returned for the chosen window.
 */
function useDayTimeline({ room, date, selection, bookingsMade = 0 }: RoomCardProps) {
  const api = useApi();
  const fallback: BusyInput[] = room.availability?.busy ?? [];
  const closedFallback: BusyInput[] = room.availability?.closed ?? [];
  const { day } = dayTimeline(date, selection, fallback);
  const from = toOffsetIso(day.start);
  const to = toOffsetIso(day.end);
  const { state, refresh } = useAsync(`${room.id}|${from}|${to}`, (signal) =>
    api.call(roomsEndpoints.roomSchedule, { params: { id: room.id }, query: { from, to }, signal }),
  );
  const seen = useRef(bookingsMade);
  useEffect(() => {
    if (seen.current === bookingsMade) return;
    seen.current = bookingsMade;
    refresh();
  }, [bookingsMade, refresh]);
  const loaded = state.status === 'success' ? state.data : undefined;
  const busy: BusyInput[] = loaded
    ? loaded.entries.map((e) => ({
        start: e.start,
        end: e.end,
        title: strings.timeline.whoBooked(e.subject, e.organizer?.name),
      }))
    : fallback;
  const closed: BusyInput[] = loaded ? loaded.closed : closedFallback;
  return { model: dayTimeline(date, selection, busy, closed), scheduleFailed: state.status === 'error' };
}

/** The chosen window on the building's clocks, where they read otherwise than the browser's. */
function BuildingTime({ selection, timeZone }: { selection: Interval; timeZone: string }) {
  const styles = useStyles();
  const note = buildingTimeNote(selection.start, selection.end, timeZone);
  return note === undefined ? null : <Caption1 className={styles.note}>{strings.timeline.buildingTime(note)}</Caption1>;
}

export function RoomCard(props: RoomCardProps) {
  const { room } = props;
  const styles = useStyles();
  const { model, scheduleFailed } = useDayTimeline(props);
  const user = useSignedInUser();
  const image = room.images[0];
  const titleId = `room-${room.id}`;
  return (
    <Card className={styles.card} aria-labelledby={titleId}>
      <CardPreview className={styles.preview}>
        {image ? (
          <img className={styles.image} src={image.url} alt={image.alt} loading="lazy" decoding="async" />
        ) : (
          <div className={styles.noImage}>
            <ImageOffRegular fontSize={32} aria-hidden />
            <Caption1>{uiStrings.room.noImage}</Caption1>
          </div>
        )}
      </CardPreview>
      <RoomCardHeader
        room={room}
        titleId={titleId}
        renderName={(name) => (
          <Link to={`/rooms/${room.id}`} className={styles.nameLink}>
            {name}
          </Link>
        )}
      />
      <RoomTags tags={room.tags} />
      <div className={styles.foot}>
        {room.availability ? <AvailabilityBadge availability={room.availability} /> : null}
        <BuildingTime selection={props.selection} timeZone={room.timeZone} />
        <DayTimeline model={model} />
        {scheduleFailed ? (
          <Caption1 className={styles.note} role="status">
            {strings.timeline.loadFailed}
          </Caption1>
        ) : null}
        {/* Only rooms connected to Exchange can be booked (Exchange decides every booking), and only by whom they are open to. */}
        {room.exchange.email !== null && mayBook(user.role, room) ? (
          <CardFooter>
            <BookRoomButton
              room={room}
              slot={props.selection}
              {...(props.onBooked ? { onBooked: props.onBooked } : {})}
            />
          </CardFooter>
        ) : null}
      </div>
    </Card>
  );
}
