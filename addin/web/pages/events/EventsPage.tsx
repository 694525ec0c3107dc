import { Field, Input, Tab, TabList, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import { externalsEndpoints } from '../../../../shared/api/externals';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { EventView } from '../../../../shared/schemas/events';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { EmptyState, ErrorState, LoadingState, WarningNote } from '../../../ui/StatusViews';
import { dateText, isDateText } from '../../../ui/time';
import { EventDetails } from './EventDetails';
import { EventForm, type EventSlot } from './EventForm';
import { InviteGuestDialog } from './InviteGuestDialog';
import { FavouritesGrid, type GridRoom } from './FavouritesGrid';
import { cellsOf, weekOf } from './grid';
import { eventStrings as s } from './strings';
import { WeekGrid } from './WeekGrid';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  controls: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-end', gap: tokens.spacingHorizontalL },
  day: { maxWidth: '200px' },
});

type Span = 'day' | 'week';

/** The first and last instant the grid shows: the day's 07:00–20:00, or the week's. */
function spanOf(day: string, span: Span): { from: string; to: string } {
  const days = span === 'day' ? [day] : weekOf(day);
  const first = cellsOf(days[0] ?? day);
  const last = cellsOf(days[days.length - 1] ?? day);
  const from = first[0]?.start.toISOString() ?? new Date().toISOString();
  return { from, to: last[last.length - 1]?.end.toISOString() ?? from };
}

/**
 * Route `/events`: the favourite rooms' day as a grid (drag over free time to plan an event there),
 * or their week (each day's free time; a day opens its grid).
 */
export function EventsPage() {
  const styles = useStyles();
  const api = useApi();
  const [day, setDay] = useState(() => dateText(new Date()));
  const [span, setSpan] = useState<Span>('day');
  const [slot, setSlot] = useState<EventSlot>();
  const [created, setCreated] = useState<EventView>();

  const overview = useAsync(`events:${span}:${day}`, async (signal) => {
    const { mode } = await api.call(eventsEndpoints.getBookingMode, { signal });
    if (mode !== 'events') return { mode, rooms: [] as GridRoom[] };
    const { roomIds } = await api.call(eventsEndpoints.listFavouriteRooms, { signal });
    const { from, to } = spanOf(day, span);
    const rooms = await Promise.all(
      roomIds.map(async (id): Promise<GridRoom> => {
        const [room, schedule] = await Promise.all([
          api.call(locationsEndpoints.getRoom, { params: { id }, signal }),
          api.call(roomsEndpoints.roomSchedule, { params: { id }, query: { from, to }, signal }),
        ]);
        return { id, name: room.name, busy: [...schedule.entries, ...schedule.closed] };
      }),
    );
    return { mode, rooms };
  });

  // "Invite a guest" only for those who may: admins, and employees where the installation allows it.
  const rights = useAsync('invitation-rights', (signal) => api.call(externalsEndpoints.invitationRights, { signal }));

  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {s.title}
      </Title2>
      <Text>{s.intro}</Text>
      <div className={styles.controls}>
        <Field label={s.day} className={styles.day}>
          <Input type="date" value={day} onChange={(_e, d) => (isDateText(d.value) ? setDay(d.value) : undefined)} />
        </Field>
        <TabList
          aria-label={s.showAs}
          selectedValue={span}
          onTabSelect={(_e, d) => setSpan(d.value === 'week' ? 'week' : 'day')}
        >
          <Tab value="day">{s.dayView}</Tab>
          <Tab value="week">{s.weekView}</Tab>
        </TabList>
        {rights.state.status === 'success' && rights.state.data.mayInvite ? (
          <InviteGuestDialog rights={rights.state.data} />
        ) : null}
      </div>
      {overview.state.status === 'loading' ? <LoadingState /> : null}
      {overview.state.status === 'error' ? <ErrorState error={overview.state.error} onRetry={overview.retry} /> : null}
      {overview.state.status === 'success' && overview.state.data.mode !== 'events' ? (
        <WarningNote text={s.modeOff} />
      ) : null}
      {overview.state.status === 'success' && overview.state.data.mode === 'events' ? (
        overview.state.data.rooms.length === 0 ? (
          <EmptyState title={s.noFavourites} hint={s.noFavouritesHint} />
        ) : span === 'week' ? (
          <WeekGrid
            days={weekOf(day)}
            rooms={overview.state.data.rooms}
            onOpenDay={(picked) => {
              setDay(picked);
              setSpan('day');
            }}
          />
        ) : (
          <FavouritesGrid
            day={day}
            rooms={overview.state.data.rooms}
            onPick={(room, range) => setSlot({ roomId: room.id, roomName: room.name, ...range })}
          />
        )
      ) : null}
      {created ? <EventDetails event={created} onClose={() => setCreated(undefined)} /> : null}
      {slot ? (
        <EventForm
          slot={slot}
          onClose={() => setSlot(undefined)}
          onCreated={(event) => {
            setSlot(undefined);
            setCreated(event);
            overview.refresh();
          }}
        />
      ) : null}
    </div>
  );
}
