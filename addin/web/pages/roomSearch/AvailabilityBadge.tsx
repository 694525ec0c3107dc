import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AvailabilityView } from '../../../../shared/schemas/search';
import { strings } from '../../strings';
import { formatClock } from '../../../ui/time';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  times: { color: tokens.colorNeutralForeground2 },
});

const LOOK = {
  free: { color: 'success', label: strings.room.free },
  partial: { color: 'warning', label: strings.room.partiallyBusy },
  busy: { color: 'danger', label: strings.room.busy },
} as const;

/** Whether the room is free in the chosen window; when partly busy, also when. */
export function AvailabilityBadge({ availability }: { availability: AvailabilityView }) {
  const styles = useStyles();
  const look = LOOK[availability.state];
  const ranges = availability.busy.map((b) => `${formatClock(b.start)}–${formatClock(b.end)}`).join(', ');
  return (
    <div className={styles.root}>
      <Badge appearance="filled" color={look.color}>
        {look.label}
      </Badge>
      {availability.state === 'partial' && ranges ? (
        <Text size={200} className={styles.times}>
          {strings.room.busyDuring(ranges)}
        </Text>
      ) : null}
    </div>
  );
}
