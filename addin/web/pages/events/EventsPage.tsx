import { Field, Input, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import { locationsEndpoints } from '../../../../shared/api/locations';
import { roomsEndpoints } from '../../../../shared/api/rooms';
import type { EventView } from '../../../../shared/schemas/events';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';
import { EmptyState, ErrorState, LoadingState, WarningNote } from '../../../ui/StatusViews';
import { dateText, isDateText } from '../../../ui/time';
import { EventDetails } from './EventDetails';
import { EventForm, type EventSlot } from './EventForm';
import { FavouritesGrid, type GridRoom } from './FavouritesGrid';
import { cellsOf } from './grid';
import { eventStrings as s } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  day: { maxWidth: '200px' },
});

/** Route `/events`: the favourite rooms' day as a grid; drag over free time to plan an event there. */
export function EventsPage() {
  const styles = useStyles();
  const api = useApi();
  const [day, setDay] = useState(() => dateText(new Date()));
  const [slot, setSlot] = useState<EventSlot>();
  const [created, setCreated] = useState<EventView>();

  const overview = useAsync(`events:${day}`, async (signal) => {
    const { mode } = await api.call(eventsEndpoints.getBookingMode, { signal });
    if (mode !== 'events') return { mode, rooms: [] as GridRoom[] };
    const { roomIds } = await api.call(eventsEndpoints.listFavouriteRooms, { signal });
    const cells = cellsOf(day);
    const from = cells[0]?.start.toISOString() ?? new Date().toISOString();
    const to = cells[cells.length - 1]?.end.toISOString() ?? from;
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

  return (
    <div className={styles.page}>
      <Title2 as="h1" className={styles.title}>
        {s.title}
      </Title2>
      <Text>{s.intro}</Text>
      <Field label={s.day} className={styles.day}>
        <Input type="date" value={day} onChange={(_e, d) => (isDateText(d.value) ? setDay(d.value) : undefined)} />
      </Field>
      {overview.state.status === 'loading' ? <LoadingState /> : null}
      {overview.state.status === 'error' ? <ErrorState error={overview.state.error} onRetry={overview.retry} /> : null}
      {overview.state.status === 'success' && overview.state.data.mode !== 'events' ? (
        <WarningNote text={s.modeOff} />
      ) : null}
      {overview.state.status === 'success' && overview.state.data.mode === 'events' ? (
        overview.state.data.rooms.length === 0 ? (
          <EmptyState title={s.noFavourites} hint={s.noFavouritesHint} />
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
