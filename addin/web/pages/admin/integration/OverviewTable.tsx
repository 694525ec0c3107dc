import {
  Badge,
  Button,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { CheckmarkCircleFilled, DiamondDismissFilled } from '@fluentui/react-icons';
import type { IntegrationRoom } from '../../../../../shared/schemas/integration';
import { EmailText } from '../../../components/EmailText';
import { NARROW_SCREEN, useStackedTableStyles } from '../../../components/stackedTable';
import { formatInstant } from '../format';
import { adminStrings } from '../strings';

const useStyles = makeStyles({
  wrap: {
    overflowX: 'auto',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
  table: { minWidth: '960px', [NARROW_SCREEN]: { minWidth: 0 } },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  stack: { display: 'flex', flexDirection: 'column' },
  verified: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

const text = adminStrings.integration;

export interface OverviewTableProps {
  readonly rooms: readonly IntegrationRoom[];
  readonly syncDisabled: boolean;
  readonly onSync: (roomId: string) => void;
}

export function OverviewTable({ rooms, syncDisabled, onSync }: OverviewTableProps) {
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  return (
    <div className={styles.wrap}>
      <Table aria-label={text.tableLabel} size="small" className={mergeClasses(styles.table, stacked.table)}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{text.room}</TableHeaderCell>
            <TableHeaderCell>{text.verification}</TableHeaderCell>
            <TableHeaderCell>{text.subscription}</TableHeaderCell>
            <TableHeaderCell>{text.lastSync}</TableHeaderCell>
            <TableHeaderCell>{text.nextSync}</TableHeaderCell>
            <TableHeaderCell>{text.bookings}</TableHeaderCell>
            <TableHeaderCell>{text.lastError}</TableHeaderCell>
            <TableHeaderCell>{text.actions}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rooms.map((room) => (
            <OverviewRow key={room.roomId} room={room} syncDisabled={syncDisabled} onSync={onSync} />
          ))}
        </TableBody>
      </Table>
    </div>
  );
}

function OverviewRow({
  room,
  syncDisabled,
  onSync,
}: {
  room: IntegrationRoom;
  syncDisabled: boolean;
  onSync: (roomId: string) => void;
}) {
  const styles = useStyles();
  return (
    <TableRow>
      <TableCell>
        <span className={styles.stack}>
          <Text weight="semibold">{room.name}</Text>
          <Text size={200}>
            <EmailText email={room.email} />
          </Text>
          {room.active ? null : (
            <Badge appearance="outline" color="informative">
              {text.inactive}
            </Badge>
          )}
        </span>
      </TableCell>
      <TableCell data-label={text.verification}>
        <Verification room={room} />
      </TableCell>
      <TableCell data-label={text.subscription}>
        <span className={styles.stack}>
          <Text>{text.subscriptionState[room.subscription]}</Text>
          {room.syncing ? <Spinner size="extra-tiny" label={text.syncingNow} /> : null}
        </span>
      </TableCell>
      <TableCell data-label={text.lastSync}>
        {formatInstant(room.lastSuccessfulSyncAt, adminStrings.common.never)}
      </TableCell>
      <TableCell data-label={text.nextSync}>
        {formatInstant(room.nextSyncAt, adminStrings.common.notScheduled)}
      </TableCell>
      <TableCell data-label={text.bookings}>
        {room.detailsPending > 0 ? (
          <span className={styles.stack}>
            <Text>{room.bookingsInHorizon}</Text>
            <Text size={200}>{text.detailsPending(room.detailsPending)}</Text>
          </span>
        ) : (
          room.bookingsInHorizon
        )}
      </TableCell>
      <TableCell data-label={text.lastError}>
        {room.lastError ? (
          <Text className={styles.error}>{text.errorAt(room.lastError.message, formatInstant(room.lastError.at))}</Text>
        ) : (
          text.noError
        )}
      </TableCell>
      <TableCell>
        <Button
          size="small"
          aria-label={text.syncNowFor(room.name)}
          disabled={syncDisabled}
          onClick={() => onSync(room.roomId)}
        >
          {text.syncNow}
        </Button>
      </TableCell>
    </TableRow>
  );
}

function Verification({ room }: { room: IntegrationRoom }) {
  const styles = useStyles();
  const { state, error } = room.verification;
  const words = text.verificationState[state];
  // With an error, a check that failed in passing is being retried.
  if (state === 'verifying') return <Spinner size="extra-tiny" label={error ? text.retrying : words} />;
  return (
    <span className={styles.line}>
      {state === 'verified' ? <CheckmarkCircleFilled aria-hidden className={styles.verified} fontSize={20} /> : null}
      {state === 'failed' ? <DiamondDismissFilled aria-hidden className={styles.failed} fontSize={20} /> : null}
      <span className={styles.stack}>
        <Text>{words}</Text>
        {state === 'failed' && error ? <Text size={200}>{error}</Text> : null}
      </span>
    </span>
  );
}
