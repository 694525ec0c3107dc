import { Badge, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { AvailabilityView } from '../../../shared/schemas/search';
import { strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  times: { color: tokens.colorNeutralForeground2 },
});

const LOOK = {
  free: { color: 'success', label: strings.rooms.free },
  partial: { color: 'warning', label: strings.rooms.partiallyBusy },
  busy: { color: 'danger', label: strings.rooms.busy },
} as const;

/** Free, busy, or partially busy (with the busy times) at the meeting's time. */
export function Availability({
  availability,
  format,
}: {
  availability: AvailabilityView;
  format: (at: string) => string;
}) {
  const styles = useStyles();
  const look = LOOK[availability.state];
  const ranges = availability.busy.map((b) => `${format(b.start)}–${format(b.end)}`).join(', ');
  return (
    <div className={styles.root} role="group" aria-label={strings.rooms.availabilityLabel(look.label)}>
      <Badge appearance="filled" color={look.color}>
        {look.label}
      </Badge>
      {availability.state !== 'free' && ranges ? (
        <Text size={200} className={styles.times}>
          {strings.rooms.busyDuring(ranges)}
        </Text>
      ) : null}
    </div>
  );
}
