import { Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { roomsEndpoints } from '../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { EmptyState, ErrorState, LoadingState } from '../../ui/StatusViews';
import { useApi } from '../../ui/hooks/useApi';
import { useLocations } from '../../ui/filters/useLocations';
import { ActionNotes, type ActionNote } from '../components/ActionNotes';
import { strings } from '../strings';
import { useAppointment } from '../useAppointment';
import { useKeptAsync } from '../useKeptAsync';
import { Alternatives } from './Alternatives';
import { RoomFilters, type RoomFilterValues } from './RoomFilters';
import { RoomResult } from './RoomResult';
import { useAddToMeeting } from './useAddToMeeting';
import { initialFilters, searchQuery } from './searchQuery';
import { useFirstThenAll } from './useFirstThenAll';
import { useSeenTags } from './useSeenTags';

const useStyles = makeStyles({
  tab: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
});

// Kept in localStorage, so the filters show them at once when the pane opens for the next meeting.
const STORED_LOCATIONS = 'roomserve.taskpane.locations';
const STORED_TAGS = 'roomserve.taskpane.tags';

const locationText = (room: RoomSearchResult) => strings.rooms.locationText(room.name, room.buildingName);

/** Result cards drawn before the rest: more than the first screen holds at 320 px. */
const FIRST_CARDS = 4;

export function RoomsTab() {
  const styles = useStyles();
  const api = useApi();
  const { appointment, properties, revision } = useAppointment();
  const [filters, setFilters] = useState<RoomFilterValues>(() => initialFilters(appointment, properties));
  const locations = useLocations({ storageKey: STORED_LOCATIONS });
  const meeting = useMemo(
    () => ({ start: appointment.start, end: appointment.end }),
    [appointment.start, appointment.end],
  );
  const query = searchQuery(meeting, filters);
  const { state, retry, data } = useKeptAsync(`${revision}|${JSON.stringify(query)}`, (signal) =>
    api.call(roomsEndpoints.searchRooms, { query, signal }),
  );
  const knownTags = useSeenTags(data?.items, STORED_TAGS);
  const shown = useFirstThenAll(data?.items ?? [], FIRST_CARDS);
  const { state: addState, add } = useAddToMeeting(locationText);
  const attendeeEmails = new Set(appointment.requiredAttendees.map((p) => p.email.toLowerCase()));
  const floorOf = (room: RoomSearchResult) => locations?.floors.find((f) => f.id === room.floorId);
  // "Added" or why not, in the card of the room whose button was pressed.
  const notesOf = (room: RoomSearchResult): ActionNote[] => {
    if (addState.status === 'added' && addState.room.id === room.id)
      return [{ kind: 'success', text: strings.rooms.added(addState.room.name) }];
    if (addState.status === 'failed' && addState.roomId === room.id)
      return [{ kind: 'error', lead: strings.rooms.addFailed, error: addState.error }];
    return [];
  };

  return (
    <div className={styles.tab}>
      <RoomFilters
        initial={filters}
        locations={locations}
        knownTags={knownTags}
        onSearch={setFilters}
        searchSettled={data !== undefined || state.status === 'error'}
      />
      <section aria-labelledby="room-results" aria-busy={state.status === 'loading'}>
        <Text as="h2" id="room-results" weight="semibold" size={400}>
          {data ? strings.rooms.resultCount(data.total) : strings.rooms.resultsLabel}
        </Text>
        {state.status === 'loading' && !data ? <LoadingState /> : null}
        {state.status === 'error' ? <ErrorState error={state.error} onRetry={retry} /> : null}
        {data && data.items.length === 0 ? (
          <EmptyState title={strings.rooms.empty} hint={strings.rooms.emptyHint} />
        ) : null}
        {data && data.items.length > 0 ? (
          <ul className={styles.list}>
            {shown.map((room) => (
              <li key={room.id}>
                <RoomResult
                  room={room}
                  floor={floorOf(room)}
                  inMeeting={
                    properties.room?.roomId === room.id ||
                    (room.exchange.email !== null && attendeeEmails.has(room.exchange.email.toLowerCase()))
                  }
                  adding={addState.status === 'adding' && addState.roomId === room.id}
                  onAdd={(r) => void add(r)}
                  notes={<ActionNotes notes={notesOf(room)} />}
                  alternatives={
                    room.availability && room.availability.state !== 'free' ? (
                      <Alternatives room={room} results={data.items} meeting={meeting} />
                    ) : undefined
                  }
                />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </div>
  );
}
