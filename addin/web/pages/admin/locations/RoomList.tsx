import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { AddRegular, EditRegular } from '@fluentui/react-icons';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import type { Floor } from '../../../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { useApi } from '../../../../ui/hooks/useApi';
import { ConnectionState } from '../ConnectionState';
import { adminStrings } from '../strings';
import { useLiveConnection } from '../useLiveConnection';
import { EditDialog, type FieldValues } from './EditDialog';
import { ROOM_FIELDS, roomBody, roomValues } from './locationForms';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  room: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    gap: tokens.spacingHorizontalS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  words: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  muted: { color: tokens.colorNeutralForeground3 },
  add: { alignSelf: 'flex-start' },
});

const text = adminStrings.locations;

/** The rooms of one floor with their Exchange connection; saving a room's email verifies it. */
export function RoomList({
  floor,
  rooms,
  onChanged,
}: {
  floor: Floor;
  rooms: readonly RoomSearchResult[];
  onChanged: () => void;
}) {
  const styles = useStyles();
  const api = useApi();
  const create = async (values: FieldValues) => {
    await api.call(locationsEndpoints.createRoom, { body: { ...roomBody(values), floorId: floor.id } });
    onChanged();
  };
  return (
    <>
      <EditDialog
        title={text.roomDialog}
        trigger={
          <Button className={styles.add} icon={<AddRegular />}>
            {text.newRoom}
          </Button>
        }
        fields={ROOM_FIELDS}
        initial={roomValues(undefined)}
        onSave={create}
      />
      {rooms.length === 0 ? <Text className={styles.muted}>{text.noRooms}</Text> : null}
      <ul className={styles.list}>
        {[...rooms]
          .sort((a, b) => a.name.localeCompare(b.name))
          .map((room) => (
            <RoomItem key={room.id} room={room} onChanged={onChanged} />
          ))}
      </ul>
      <Text size={200} className={styles.muted}>
        {adminStrings.rooms.inactiveGap}
      </Text>
    </>
  );
}

function RoomItem({ room, onChanged }: { room: RoomSearchResult; onChanged: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const connection = useLiveConnection(room.id, room.exchange);
  const save = async (values: FieldValues) => {
    await api.call(locationsEndpoints.updateRoom, { params: { id: room.id }, body: roomBody(values) });
    onChanged();
  };
  return (
    <li className={styles.room}>
      <div className={styles.words}>
        <Text weight="semibold">{room.name}</Text>
        <Text size={200}>
          {text.seats(room.capacity)}
          {room.exchange.email ? ` · ${room.exchange.email}` : ''}
        </Text>
        <ConnectionState connection={connection} />
      </div>
      <EditDialog
        title={text.roomDialog}
        trigger={<Button appearance="subtle" icon={<EditRegular />} aria-label={text.edit(room.name)} />}
        fields={ROOM_FIELDS}
        initial={roomValues(room)}
        onSave={save}
      />
    </li>
  );
}
