import { PresenceBadge, Text, makeStyles, tokens } from '@fluentui/react-components';
import { facilityStrings as text } from './strings';
import type { LiveMode } from './useLiveUpdates';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** A small sign of whether the board updates itself as orders change, or on a timer. */
export function LiveIndicator({ mode }: { mode: LiveMode }) {
  const styles = useStyles();
  const label = mode === 'live' ? text.live.live : mode === 'polling' ? text.live.polling : text.live.connecting;
  const title = mode === 'live' ? text.live.liveTitle : mode === 'polling' ? text.live.pollingTitle : undefined;
  return (
    <span role="status" className={styles.root} title={title}>
      <PresenceBadge
        size="extra-small"
        status={mode === 'live' ? 'available' : mode === 'polling' ? 'away' : 'offline'}
        aria-hidden
      />
      <Text size={200}>{label}</Text>
    </span>
  );
}
