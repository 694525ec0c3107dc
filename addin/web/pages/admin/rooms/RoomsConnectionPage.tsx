import {
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { z } from 'zod';
import type { importRoomsResultSchema } from '../../../../../shared/schemas/exchange';
import { EmptyState, LoadingState } from '../../../../ui/StatusViews';
import { useStackedTableStyles } from '../../../components/stackedTable';
import { AdminError } from '../AdminError';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { adminStrings } from '../strings';
import { ImportRoomsDialog } from './ImportRoomsDialog';
import { RoomConnectionRow } from './RoomConnectionRow';
import { floorOptions, groupByFloor, loadRoomDirectory, type FloorGroup } from './roomDirectory';

type ImportResult = z.infer<typeof importRoomsResultSchema>;

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  title: { margin: 0 },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    justifyContent: 'space-between',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
  },
  floor: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
    overflowX: 'auto',
  },
  heading: { margin: 0 },
  roomColumn: { width: '22%' },
  stateColumn: { width: '30%' },
});

const text = adminStrings.rooms;

/** Route `/admin/rooms`: every room's "External connection email address", verified in place. */
export function RoomsConnectionPage() {
  const styles = useStyles();
  const api = useApi();
  const [version, setVersion] = useState(0);
  const [imported, setImported] = useState<ImportResult>();
  const { state, retry } = useAsync(`admin-rooms:${version}`, (signal) => loadRoomDirectory(api, signal));

  const onImported = (result: ImportResult) => {
    setImported(result);
    setVersion((n) => n + 1);
  };

  return (
    <section className={styles.page} aria-labelledby="rooms-title">
      <div className={styles.header}>
        <Title2 as="h1" id="rooms-title" className={styles.title}>
          {text.title}
        </Title2>
        {state.status === 'success' ? (
          <ImportRoomsDialog floors={floorOptions(state.data)} onImported={onImported} />
        ) : null}
      </div>
      <Text>
        {text.intro} {text.inactiveGap}
      </Text>
      {imported ? <ImportSummary result={imported} /> : null}
      {state.status === 'loading' ? <LoadingState /> : null}
      {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
      {state.status === 'success' && state.data.rooms.length === 0 ? (
        <EmptyState title={text.empty} hint={text.emptyHint} />
      ) : null}
      {state.status === 'success'
        ? groupByFloor(state.data).map((group) => <FloorTable key={group.floorId} group={group} />)
        : null}
    </section>
  );
}

function FloorTable({ group }: { group: FloorGroup }) {
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  const heading = text.floorHeading(group.label.building, group.label.floor);
  const headingId = `floor-${group.floorId}`;
  return (
    <section className={styles.floor} aria-labelledby={headingId}>
      <Text as="h2" id={headingId} weight="semibold" size={400} className={styles.heading}>
        {heading}
      </Text>
      <Table aria-label={text.tableLabel(heading)} size="small" className={stacked.table}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={styles.roomColumn}>{text.room}</TableHeaderCell>
            <TableHeaderCell>{text.email}</TableHeaderCell>
            <TableHeaderCell className={styles.stateColumn}>{text.state}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {group.rooms.map((room) => (
            <RoomConnectionRow key={room.id} room={room} />
          ))}
        </TableBody>
      </Table>
    </section>
  );
}

function ImportSummary({ result }: { result: ImportResult }) {
  const strings = adminStrings.importRooms;
  return (
    <MessageBar intent={result.skipped.length > 0 ? 'warning' : 'success'} role="status" layout="multiline">
      <MessageBarBody>
        {strings.done(result.created.length)}
        {result.skipped.map((s) => (
          <div key={s.email}>{strings.skipped(s.email, s.reason)}</div>
        ))}
      </MessageBarBody>
    </MessageBar>
  );
}
