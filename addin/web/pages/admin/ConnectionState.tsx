import { Spinner, Text, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DiamondDismissFilled, CircleRegular } from '@fluentui/react-icons';
import { formatInstant } from './format';
import { adminStrings } from './strings';
import type { ExchangeConnection } from './useLiveConnection';

const useStyles = makeStyles({
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  verified: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  failed: { color: tokens.colorPaletteRedForeground1, flexShrink: 0 },
  muted: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
  words: { display: 'flex', flexDirection: 'column' },
});

const text = adminStrings.rooms;

/**
 * A room's Exchange connection in words: a spinner while the mailbox is checked, a green tick
 * when verified, the reason when not. Announced politely when it changes.
 */
export function ConnectionState({ connection, busy = false }: { connection: ExchangeConnection; busy?: boolean }) {
  const styles = useStyles();
  return (
    <div role="status" aria-live="polite">
      <ConnectionWords connection={connection} busy={busy} styles={styles} />
    </div>
  );
}

function ConnectionWords({
  connection,
  busy,
  styles,
}: {
  connection: ExchangeConnection;
  busy: boolean;
  styles: ReturnType<typeof useStyles>;
}) {
  // A check that failed in passing (Exchange busy) is tried again by the server: not a failure yet.
  if (!busy && connection.state === 'verifying' && connection.error)
    return (
      <span className={styles.words}>
        <Spinner size="extra-tiny" label={text.retrying} />
        <Text size={200}>{connection.error}</Text>
      </span>
    );
  if (busy || connection.state === 'verifying') return <Spinner size="extra-tiny" label={text.verifying} />;
  const checked = connection.checkedAt ? text.checkedAt(formatInstant(connection.checkedAt)) : undefined;
  switch (connection.state) {
    case 'verified':
      return (
        <span className={styles.line}>
          <CheckmarkCircleFilled aria-hidden className={styles.verified} fontSize={20} />
          <span className={styles.words}>
            <Text weight="semibold">{text.verified}</Text>
            {checked ? <Text size={200}>{checked}</Text> : null}
          </span>
        </span>
      );
    case 'failed':
      return (
        <span className={styles.line}>
          <DiamondDismissFilled aria-hidden className={styles.failed} fontSize={20} />
          <span className={styles.words}>
            <Text weight="semibold">{text.failed}</Text>
            {connection.error ? <Text>{connection.error}</Text> : null}
            {checked ? <Text size={200}>{checked}</Text> : null}
          </span>
        </span>
      );
    case 'unconnected':
      return (
        <span className={styles.line}>
          <CircleRegular aria-hidden className={styles.muted} fontSize={20} />
          <Text>{connection.email ? text.notChecked : text.unconnected}</Text>
        </span>
      );
  }
}
