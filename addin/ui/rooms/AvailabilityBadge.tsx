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
  closed: { color: 'subtle', label: text.closed },
} as const;

/**
 * Free, busy, partially busy or closed (the building's opening hours) in the chosen window, with
 * the busy times when partly busy (and also when busy, with `timesWhenBusy`) and the closed times
 * when closed. `groupLabel` names the badge for screen readers.
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
  const rangesOf = (list: readonly { start: string; end: string }[]) =>
    list.map((b) => `${formatClock(b.start)}–${formatClock(b.end)}`).join(', ');
  const ranges = rangesOf(availability.busy);
  const closedRanges = availability.state === 'closed' ? rangesOf(availability.closed ?? []) : '';
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
      {closedRanges ? (
        <Text size={200} className={styles.times}>
          {text.closedDuring(closedRanges)}
        </Text>
      ) : null}
    </div>
  );
}
