import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AvailabilityView } from '../../../shared/schemas/search';
import { uiStrings } from '../strings';
import { formatClock } from '../time';

const text = uiStrings.room;

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  times: { color: tokens.colorNeutralForeground2 },
});

const LOOK = {
  free: { color: 'success', label: text.free },
  partial: { color: 'warning', label: text.partiallyBusy },
  busy: { color: 'danger', label: text.busy },
} as const;

/**
 * Free, busy, or partially busy in the chosen window, with the busy times when partly busy (and
 * also when busy, with `timesWhenBusy`). `groupLabel` names the badge for screen readers.
 */
export function AvailabilityBadge({
  availability,
  groupLabel,
  timesWhenBusy = false,
}: {
  availability: AvailabilityView;
  groupLabel?: (state: string) => string;
  timesWhenBusy?: boolean;
}) {
  const styles = useStyles();
  const look = LOOK[availability.state];
  const ranges = availability.busy.map((b) => `${formatClock(b.start)}–${formatClock(b.end)}`).join(', ');
  const showTimes = availability.state === 'partial' || (timesWhenBusy && availability.state === 'busy');
  return (
    <div className={styles.root} {...(groupLabel ? { role: 'group', 'aria-label': groupLabel(look.label) } : {})}>
      <Badge appearance="filled" color={look.color}>
        {look.label}
      </Badge>
      {showTimes && ranges ? (
        <Text size={200} className={styles.times}>
          {text.busyDuring(ranges)}
        </Text>
      ) : null}
    </div>
  );
}
