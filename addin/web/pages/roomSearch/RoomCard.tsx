import { Caption1, Card, CardFooter, CardPreview, cardCSSVars, makeStyles, tokens } from '@fluentui/react-components';
import { ImageOffRegular } from '@fluentui/react-icons';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../../shared/schemas/search';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { strings } from '../../strings';
import { toOffsetIso } from '../../../ui/time';
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
}

/**
 * The room's day: its schedule from the API once loaded; until then (or if that fails) the busy
 * intervals the search already returned for the chosen window.
 */
function useDayTimeline({ room, date, selection }: RoomCardProps) {
  const api = useApi();
  const fallback: BusyInput[] = room.availability?.busy ?? [];
  const { day } = dayTimeline(date, selection, fallback);
  const from = toOffsetIso(day.start);
  const to = toOffsetIso(day.end);
  const { state } = useAsync(`${room.id}|${from}|${to}`, (signal) =>
    api.call(roomsEndpoints.roomSchedule, { params: { id: room.id }, query: { from, to }, signal }),
  );
  const busy: BusyInput[] =
    state.status === 'success'
      ? state.data.entries.map((e) => ({ start: e.start, end: e.end, title: e.subject }))
      : fallback;
  return { model: dayTimeline(date, selection, busy), scheduleFailed: state.status === 'error' };
}

export function RoomCard(props: RoomCardProps) {
  const { room } = props;
  const styles = useStyles();
  const { model, scheduleFailed } = useDayTimeline(props);
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
      <RoomCardHeader room={room} titleId={titleId} />
      <RoomTags tags={room.tags} />
      <div className={styles.foot}>
        {room.availability ? <AvailabilityBadge availability={room.availability} /> : null}
        <DayTimeline model={model} />
        {scheduleFailed ? (
          <Caption1 className={styles.note} role="status">
            {strings.timeline.loadFailed}
          </Caption1>
        ) : null}
        {/* Only rooms connected to Exchange can be booked: Exchange decides every booking. */}
        {room.exchange.email !== null ? (
          <CardFooter>
            <BookRoomButton room={room} slot={props.selection} />
          </CardFooter>
        ) : null}
      </div>
    </Card>
  );
}
