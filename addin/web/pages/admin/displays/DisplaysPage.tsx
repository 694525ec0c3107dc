import { Field, Select, Text, Title2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { OpenRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { demoEndpoints } from '../../../../../shared/api/demo';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import { integrationEndpoints } from '../../../../../shared/api/integration';
import { roomsEndpoints } from '../../../../../shared/api/rooms';
import type { RoomSearchResult } from '../../../../../shared/schemas/search';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { EmptyState, LoadingState, SuccessNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { adminStrings } from '../strings';
import { usePolled } from '../usePolled';
import { AddDisplay } from './AddDisplay';
import { DisplayRow } from './DisplayRow';
import { DisplaySettingsForm } from './DisplaySettingsForm';
import { RoomSettingsForm } from './RoomSettingsForm';
import { displaysStrings as text } from './strings';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '860px' },
  title: { margin: 0 },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: { margin: 0, padding: 0, listStyleType: 'none' },
  demo: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  demoLink: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  room: { maxWidth: '360px' },
});

/** The list refreshes this often, so "online" and "last seen" stay current while the page is open. */
const LIST_REFRESH_MS = 30_000;

/** Route `/admin/displays`: room displays (add, pair, PIN, revoke) and what they show and do. */
export function DisplaysPage() {
  const styles = useStyles();
  const api = useApi();
  const titleId = useId();
  const rooms = useAsync('display-rooms', (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { pageSize: 100 }, signal }),
  );
  return (
    <section className={styles.page} aria-labelledby={titleId}>
      <Title2 as="h1" id={titleId} className={styles.title}>
        {text.title}
      </Title2>
      <Text>{text.intro}</Text>
      <DemoDisplayLink />
      {rooms.state.status === 'loading' ? <LoadingState /> : null}
      {rooms.state.status === 'error' ? <AdminError error={rooms.state.error} onRetry={rooms.retry} /> : null}
      {rooms.state.status === 'success' ? <DisplaysAndSettings rooms={rooms.state.data.items} /> : null}
    </section>
  );
}

function DisplaysAndSettings({ rooms }: { rooms: readonly RoomSearchResult[] }) {
  const styles = useStyles();
  const api = useApi();
  const [said, setSaid] = useState<string>();
  const displays = usePolled((signal) => api.call(displaysEndpoints.listDisplays, { signal }), LIST_REFRESH_MS);
  const changed = (sentence?: string) => {
    setSaid(sentence);
    displays.refresh();
  };
  return (
    <>
      <section className={styles.section} aria-label={text.add.heading}>
        <Title3 as="h2" className={styles.heading}>
          {text.add.heading}
        </Title3>
        <AddDisplay rooms={rooms} onAdded={() => changed()} />
      </section>
      <section className={styles.section} aria-label={text.list.heading}>
        <Title3 as="h2" className={styles.heading}>
          {text.list.heading}
        </Title3>
        {said !== undefined ? <SuccessNote text={said} /> : null}
        {!displays.loaded ? <LoadingState /> : null}
        {displays.error !== undefined && displays.data === undefined ? (
          <AdminError error={displays.error} onRetry={displays.refresh} />
        ) : null}
        {displays.error !== undefined && displays.data !== undefined ? (
          <Text>{adminStrings.common.refreshFailed}</Text>
        ) : null}
        {displays.data?.items.length === 0 ? <EmptyState title={text.list.empty} hint={text.list.emptyHint} /> : null}
        {displays.data && displays.data.items.length > 0 ? (
          <ul className={styles.list} aria-label={text.list.label}>
            {displays.data.items.map((display) => (
              <DisplayRow key={display.id} display={display} onChanged={changed} />
            ))}
          </ul>
        ) : null}
      </section>
      <Settings rooms={rooms} />
    </>
  );
}

function Settings({ rooms }: { rooms: readonly RoomSearchResult[] }) {
  const styles = useStyles();
  const api = useApi();
  const [roomId, setRoomId] = useState('');
  const installation = useAsync('display-settings', (signal) =>
    api.call(displaysEndpoints.getDisplaySettings, { signal }),
  );
  const room = rooms.find((r) => r.id === roomId);
  return (
    <>
      <section className={styles.section} aria-label={text.settings.heading}>
        <Title3 as="h2" className={styles.heading}>
          {text.settings.heading}
        </Title3>
        <Text>{text.settings.intro}</Text>
        {installation.state.status === 'loading' ? <LoadingState /> : null}
        {installation.state.status === 'error' ? (
          <AdminError error={installation.state.error} onRetry={installation.retry} />
        ) : null}
        {installation.state.status === 'success' ? (
          <DisplaySettingsForm initial={installation.state.data} onSaved={installation.refresh} />
        ) : null}
      </section>
      {installation.state.status === 'success' ? (
        <section className={styles.section} aria-label={text.room.heading}>
          <Title3 as="h2" className={styles.heading}>
            {text.room.heading}
          </Title3>
          <Text>{text.room.intro}</Text>
          <Field label={text.room.pick} className={styles.room}>
            <Select value={roomId} onChange={(_e, d) => setRoomId(d.value)}>
              <option value="">{text.room.pickRoom}</option>
              {[...rooms]
                .sort((a, b) => a.name.localeCompare(b.name))
                .map((r) => (
                  <option key={r.id} value={r.id}>
                    {`${r.name} · ${r.floorName} · ${r.buildingName}`}
                  </option>
                ))}
            </Select>
          </Field>
          {room ? (
            <RoomSettingsForm roomId={room.id} roomName={room.name} installation={installation.state.data} />
          ) : null}
        </section>
      ) : null}
    </>
  );
}

/** "Open display", in the demo only: the server has no such link anywhere else. */
function DemoDisplayLink() {
  const styles = useStyles();
  const api = useApi();
  const { state } = useAsync('demo-display-link', async (signal) => {
    const info = await api.call(integrationEndpoints.serverInfo, { signal });
    return info.demo ? api.call(demoEndpoints.displayLink, { signal }) : null;
  });
  if (state.status !== 'success' || state.data === null) return null;
  return (
    <div className={styles.demo}>
      <a className={styles.demoLink} href={state.data.url} target="_blank" rel="noopener">
        <OpenRegular aria-hidden />
        {text.openDisplay}
      </a>
      <Text size={200}>{text.openDisplayHint}</Text>
    </div>
  );
}
