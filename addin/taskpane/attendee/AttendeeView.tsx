import { Body1, Caption1, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { roomsEndpoints } from '../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import type { AppointmentSnapshot } from '../../office/officeHost';
import { ErrorState, LoadingState } from '../../ui/StatusViews';
import { useApi } from '../../ui/hooks/useApi';
import { useAsync } from '../../ui/hooks/useAsync';
import { ordersApi } from '../catering/ordersApi';
import { uiStrings } from '../../ui/strings';
import { strings } from '../strings';
import { useAppointment } from '../useAppointment';
import { useKeptAsync } from '../useKeptAsync';
import { AttendeeOrdersList } from './AttendeeOrdersList';

/** The API's largest page: enough to find the meeting's room among the organisation's rooms. */
const ROOM_PAGE = 100;

const useStyles = makeStyles({
  view: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  empty: { display: 'block', margin: 0, color: tokens.colorNeutralForeground2 },
});

/** "Nothing here" in a section of this small view: a sentence under its heading, not another heading. */
function Nothing({ text }: { text: string }) {
  const styles = useStyles();
  return (
    <Body1 as="p" role="status" className={styles.empty}>
      {text}
    </Body1>
  );
}

/** The Roomserve rooms among the meeting's attendees (a room is invited as a required attendee). */
function meetingRooms(appointment: AppointmentSnapshot, rooms: readonly RoomSearchResult[]): RoomSearchResult[] {
  const invited = new Set(
    [...appointment.requiredAttendees, ...appointment.optionalAttendees].map((p) => p.email.toLowerCase()),
  );
  return rooms.filter((room) => room.exchange.email !== null && invited.has(room.exchange.email.toLowerCase()));
}

/** Read-only: the meeting's room and its catering, for attendees (and organizers after sending). */
export function AttendeeView() {
  const styles = useStyles();
  const api = useApi();
  const orders = useMemo(() => ordersApi(api), [api]);
  const { appointment, revision } = useAppointment();
  const rooms = useAsync(`rooms|${revision}`, (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { pageSize: ROOM_PAGE }, signal }),
  );
  // By the item's id in the reader's own mailbox: the organizer's custom properties do not travel
  // with the invitation, and the server shows the meeting's orders to everyone who has a copy of it.
  const itemId = appointment.itemId;
  const placed = useKeptAsync(`orders|${revision}|${itemId ?? ''}`, (signal) =>
    itemId === undefined ? Promise.resolve(undefined) : orders.ofItem(itemId, signal),
  );
  const found = rooms.state.status === 'success' ? meetingRooms(appointment, rooms.state.data.items) : [];

  return (
    <div className={styles.view}>
      <Text as="h1" size={500} weight="semibold" className={styles.heading}>
        {strings.attendee.title}
      </Text>
      <section aria-labelledby="attendee-room">
        <Text as="h2" id="attendee-room" size={400} weight="semibold">
          {strings.attendee.room}
        </Text>
        {rooms.state.status === 'loading' ? <LoadingState /> : null}
        {rooms.state.status === 'error' ? <ErrorState error={rooms.state.error} onRetry={rooms.retry} /> : null}
        {rooms.state.status === 'success' && found.length === 0 ? <Nothing text={strings.attendee.noRoom} /> : null}
        {found.map((room) => (
          <Card key={room.id} size="small">
            <Text weight="semibold">{room.name}</Text>
            <Caption1>{uiStrings.room.location(room.buildingName, room.floorName)}</Caption1>
            <Caption1>{uiStrings.room.capacity(room.capacity)}</Caption1>
            {room.tags.length > 0 ? <Caption1>{room.tags.join(', ')}</Caption1> : null}
          </Card>
        ))}
      </section>
      <section aria-labelledby="attendee-catering">
        <Text as="h2" id="attendee-catering" size={400} weight="semibold">
          {strings.attendee.catering}
        </Text>
        {itemId === undefined ? <Nothing text={strings.attendee.notSaved} /> : null}
        {placed.state.status === 'error' ? <ErrorState error={placed.state.error} onRetry={placed.retry} /> : null}
        {placed.data?.length === 0 ? <Nothing text={strings.attendee.noCatering} /> : null}
        {placed.data ? <AttendeeOrdersList orders={placed.data} /> : null}
      </section>
    </div>
  );
}
