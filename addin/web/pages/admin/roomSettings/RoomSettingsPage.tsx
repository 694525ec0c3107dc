import { Field, Input, Text, Title2, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { roomsEndpoints } from '../../../../../shared/api/rooms';
import type { Room } from '../../../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { EmptyState, LoadingState } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { RoomSettingsEditor } from './RoomSettingsForm';
import { roomSettingsStrings as text } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  layout: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 300px) minmax(0, 1fr)',
    gap: tokens.spacingHorizontalXL,
    alignItems: 'start',
    '@media (max-width: 760px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    margin: 0,
    padding: 0,
    listStyleType: 'none',
    maxHeight: '70vh',
    overflowY: 'auto',
    '@media (max-width: 760px)': { maxHeight: '40vh' },
  },
  link: {
    display: 'flex',
    flexDirection: 'column',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    color: tokens.colorNeutralForeground1,
    textDecoration: 'none',
    borderLeft: `${tokens.strokeWidthThick} solid transparent`,
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
  },
  current: { borderLeftColor: tokens.colorBrandStroke1, backgroundColor: tokens.colorNeutralBackground1Selected },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** Every tag some room carries, for the tag field's suggestions (the API keeps no separate list). */
function vocabularyOf(rooms: readonly RoomSearchResult[]): string[] {
  const tags = new Map<string, string>();
  for (const tag of rooms.flatMap((r) => r.tags)) if (!tags.has(tag.toLowerCase())) tags.set(tag.toLowerCase(), tag);
  return [...tags.values()].sort((a, b) => a.localeCompare(b));
}

/** Route `/admin/room-settings`: a searchable list of rooms, and the chosen one's settings (`?room=`). */
export function RoomSettingsPage() {
  const styles = useStyles();
  const api = useApi();
  const [params] = useSearchParams();
  const [search, setSearch] = useState('');
  // Saved rooms update the list in place: reloading it would replace the form that says "saved".
  const [saved, setSaved] = useState<Readonly<Record<string, Room>>>({});
  const roomId = params.get('room');
  // All rooms at once (an installation has tens, not thousands); the search narrows them here.
  const { state, retry } = useAsync('room-settings-list', (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { pageSize: 100 }, signal }),
  );
  const rooms = state.status === 'success' ? state.data.items.map((room) => ({ ...room, ...saved[room.id] })) : [];
  const words = search.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (room: RoomSearchResult) => {
    const haystack = [room.name, room.floorName, room.buildingName, ...room.tags].join(' ').toLowerCase();
    return words.every((word) => haystack.includes(word));
  };

  return (
    <section className={styles.page} aria-labelledby="room-settings-title">
      <Title2 as="h1" id="room-settings-title" className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' ? (
        <div className={styles.layout}>
          <div className={styles.side}>
            <Field label={text.search}>
              <Input
                type="search"
                contentBefore={<SearchRegular />}
                placeholder={text.searchPlaceholder}
                value={search}
                onChange={(_e, d) => setSearch(d.value)}
              />
            </Field>
            <RoomLinks rooms={rooms.filter(matches)} current={roomId} />
            <Text size={200} className={styles.muted}>
              {text.inactiveGap}
            </Text>
          </div>
          {roomId ? (
            <RoomSettingsEditor
              roomId={roomId}
              vocabulary={vocabularyOf(rooms)}
              onSaved={(room) => setSaved((s) => ({ ...s, [room.id]: room }))}
            />
          ) : (
            <EmptyState title={text.pick} />
          )}
        </div>
      ) : null}
    </section>
  );
}

function RoomLinks({ rooms, current }: { rooms: readonly RoomSearchResult[]; current: string | null }) {
  const styles = useStyles();
  if (rooms.length === 0) return <EmptyState title={text.none} hint={text.noneHint} />;
  return (
    <ul className={styles.list} aria-label={text.listLabel}>
      {[...rooms]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((room) => (
          <li key={room.id}>
            <Link
              to={`?room=${room.id}`}
              aria-current={room.id === current ? 'page' : undefined}
              className={mergeClasses(styles.link, room.id === current && styles.current)}
            >
              <Text weight="semibold">{room.name}</Text>
              <Text size={200} className={styles.muted}>
                {text.where(room.floorName, room.buildingName)} · {text.people(room.capacity)}
              </Text>
            </Link>
          </li>
        ))}
    </ul>
  );
}
