import { Caption1, Text, makeStyles, tokens } from '@fluentui/react-components';
import { roomsEndpoints } from '../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { useApi } from '../../ui/hooks/useApi';
import { useAsync } from '../../ui/hooks/useAsync';
import { dayTimeline } from '../../ui/timeline';
import { dateText, formatClock, toOffsetIso } from '../../ui/time';
import { uiStrings } from '../../ui/strings';
import { strings } from '../strings';
import { nearestFreeRooms, nearestFreeSlots, type Interval } from './alternatives';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

export interface AlternativesProps {
  readonly room: RoomSearchResult;
  readonly results: readonly RoomSearchResult[];
  readonly meeting: Interval;
}

/** This room's free times on the meeting's day, from its schedule; none while it loads or if it fails. */
function useFreeSlots(room: RoomSearchResult, meeting: Interval) {
  const api = useApi();
  const { day } = dayTimeline(dateText(meeting.start), meeting, []);
  const from = toOffsetIso(day.start);
  const to = toOffsetIso(day.end);
  const { state } = useAsync(`${room.id}|${from}|${to}`, (signal) =>
    api.call(roomsEndpoints.roomSchedule, { params: { id: room.id }, query: { from, to }, signal }),
  );
  if (state.status !== 'success') return {};
  const busy = state.data.entries.map((e) => ({ start: new Date(e.start), end: new Date(e.end) }));
  return nearestFreeSlots(busy, meeting, day);
}

/** Under a busy room: the nearest free rooms of the same search and the nearest free times of this room. */
export function Alternatives({ room, results, meeting }: AlternativesProps) {
  const styles = useStyles();
  const rooms = nearestFreeRooms(room, results);
  const slots = [useFreeSlots(room, meeting)].flatMap((s) => [s.before, s.after]).filter((s) => s !== undefined);
  const titleId = `alternatives-${room.id}`;
  return (
    <section className={styles.root} aria-labelledby={titleId}>
      <Text as="h4" id={titleId} size={200} weight="semibold" style={{ margin: 0 }}>
        {strings.rooms.alternativesTitle}
      </Text>
      {rooms.length === 0 && slots.length === 0 ? <Caption1>{strings.rooms.noAlternatives}</Caption1> : null}
      <ul className={styles.list}>
        {rooms.map((r) => (
          <li key={r.id}>
            <Caption1>
              {strings.rooms.alternativeRoom(r.name, uiStrings.room.location(r.buildingName, r.floorName))}
            </Caption1>
          </li>
        ))}
        {slots.map((s) => (
          <li key={s.start.toISOString()}>
            <Caption1>{strings.rooms.freeSlot(formatClock(s.start), formatClock(s.end))}</Caption1>
          </li>
        ))}
      </ul>
    </section>
  );
}
