import { Button, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular, ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError } from '../../../api/client';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { Building, Floor, Room } from '../../../../shared/schemas/locations';
import { ErrorState, LoadingState, WarningNote } from '../../../ui/StatusViews';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { PlanWithRoom } from '../../../ui/rooms/PlanWithRoom';
import { RoomTags } from '../../../ui/rooms/RoomSummary';
import { uiStrings } from '../../../ui/strings';
import { dateText, isDateText, localDate, nextHourWindow, toOffsetIso } from '../../../ui/time';
import { NotFoundPage } from '../NotFoundPage';
import { BookRoomButton } from '../bookings/BookingDialog';
import { StarRoomButton } from '../events/StarRoomButton';
import { roomPageStrings as s } from './strings';
import { addDays, weekDays, weekWindow } from './week';
import { WeekTimeline } from './WeekTimeline';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  back: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  head: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  title: { margin: 0, overflowWrap: 'anywhere' },
  facts: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  muted: { color: tokens.colorNeutralForeground3 },
  columns: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 420px), 1fr))',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
  },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  pictures: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(100%, 220px), 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  picture: {
    width: '100%',
    aspectRatio: '4 / 3',
    objectFit: 'cover',
    display: 'block',
    borderRadius: tokens.borderRadiusMedium,
  },
  weekNav: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

interface RoomPlace {
  readonly room: Room;
  readonly floor: Floor;
  readonly building: Building;
}

/** Route `/rooms/:id`: one room with its pictures, equipment, place on the floor plan, week and "Book". */
export function RoomPage() {
  const api = useApi();
  const id = useParams()['id'] ?? '';
  const { state, retry } = useAsync(`room:${id}`, async (signal): Promise<RoomPlace> => {
    const room = await api.call(locationsEndpoints.getRoom, { params: { id }, signal });
    const [floor, building] = await Promise.all([
      api.call(locationsEndpoints.getFloor, { params: { id: room.floorId }, signal }),
      api.call(locationsEndpoints.getBuilding, { params: { id: room.buildingId }, signal }),
    ]);
    return { room, floor, building };
  });
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    // An unknown id and a room an external may not see both answer 404 (or 400 for a malformed id).
    if (state.error instanceof ApiError && [400, 404].includes(state.error.status)) return <NotFoundPage />;
    return <ErrorState error={state.error} onRetry={retry} />;
  }
  return <RoomDetails place={state.data} />;
}

function RoomDetails({ place }: { place: RoomPlace }) {
  const styles = useStyles();
  const { room, floor, building } = place;
  // Closing the booking dialog reloads the week, so a new booking shows at once.
  const [weekVersion, setWeekVersion] = useState(0);
  const slot = useMemo(() => {
    const next = nextHourWindow(new Date());
    return { start: localDate(next.date, next.start), end: localDate(next.date, next.end) };
  }, []);
  return (
    <article className={styles.page} aria-labelledby="room-title">
      <Link to="/" className={styles.back}>
        <ArrowLeftRegular aria-hidden />
        {s.back}
      </Link>
      <div className={styles.head}>
        <div className={styles.facts}>
          <Title2 as="h1" id="room-title" className={styles.title}>
            {room.name}
          </Title2>
          <Text>
            {uiStrings.room.capacity(room.capacity)} · {uiStrings.room.location(building.name, floor.name)}
          </Text>
          {room.description ? <Text className={styles.muted}>{room.description}</Text> : null}
        </div>
        {/* Only rooms connected to Exchange can be booked: Exchange decides every booking. */}
        {room.exchange.email !== null ? (
          <BookRoomButton room={room} slot={slot} onClosed={() => setWeekVersion((n) => n + 1)} />
        ) : null}
        <StarRoomButton roomId={room.id} />
      </div>
      {room.exchange.email === null ? <WarningNote text={s.notBookable} /> : null}
      <RoomTags tags={room.tags} />
      <div className={styles.columns}>
        <Section title={s.plan} id="plan-title">
          {floor.plan ? (
            <PlanWithRoom plan={floor.plan} shape={room.shape} label={s.planLabel(room.name, floor.name)} />
          ) : (
            <Text className={styles.muted}>{s.noPlan}</Text>
          )}
          {floor.plan && !room.shape ? <Text className={styles.muted}>{s.noOutline}</Text> : null}
        </Section>
        <RoomWeek roomId={room.id} version={weekVersion} />
      </div>
      <Section title={s.pictures} id="pictures-title">
        {room.images.length === 0 ? <Text className={styles.muted}>{s.noPictures}</Text> : null}
        <ul className={styles.pictures}>
          {room.images.map((image) => (
            <li key={image.url}>
              <img className={styles.picture} src={image.url} alt={image.alt} loading="lazy" decoding="async" />
            </li>
          ))}
        </ul>
      </Section>
    </article>
  );
}

const shortDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short' });

/**
 * Seven days from today, or from the day in the URL (`?from=`), so the back button and a reload
 * keep the week on show. Starting today rather than on Monday: on a Sunday the week that matters
 * is the coming one.
 */
function RoomWeek({ roomId, version }: { roomId: string; version: number }) {
  const styles = useStyles();
  const api = useApi();
  const [params, setParams] = useSearchParams();
  const today = dateText(new Date());
  const asked = params.get('from') ?? '';
  const first = isDateText(asked) ? asked : today;
  const { from, to } = weekWindow(first);
  const { state, retry } = useAsync(`room-week:${roomId}:${first}:${version}`, (signal) =>
    api.call(roomsEndpoints.roomSchedule, {
      params: { id: roomId },
      query: { from: toOffsetIso(from), to: toOffsetIso(to) },
      signal,
    }),
  );
  const showWeek = (next: string) => setParams(next === today ? {} : { from: next }, { replace: true });
  const last = localDate(addDays(first, 6), '12:00');
  const busy =
    state.status === 'success' ? state.data.entries.map((e) => ({ start: e.start, end: e.end, title: e.subject })) : [];
  return (
    <Section title={s.week} id="week-title">
      <div className={styles.weekNav}>
        <Button
          icon={<ChevronLeftRegular />}
          aria-label={s.previousWeek}
          onClick={() => showWeek(addDays(first, -7))}
        />
        <Text>{s.weekOf(shortDay.format(localDate(first, '12:00')), shortDay.format(last))}</Text>
        <Button icon={<ChevronRightRegular />} aria-label={s.nextWeek} onClick={() => showWeek(addDays(first, 7))} />
        {first !== today ? (
          <Button appearance="subtle" onClick={() => showWeek(today)}>
            {s.thisWeek}
          </Button>
        ) : null}
      </div>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? <WeekTimeline days={weekDays(first, busy)} /> : null}
    </Section>
  );
}

function Section({ title, id, children }: { title: string; id: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <Text as="h2" id={id} weight="semibold" size={500} className={styles.heading}>
        {title}
      </Text>
      {children}
    </section>
  );
}
