import { Badge, Button, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import { CalendarAddRegular, CheckmarkCircleRegular } from '@fluentui/react-icons';
import { Suspense, lazy, useState, type ReactNode } from 'react';
import type { Floor } from '../../../shared/schemas/locations';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { uiStrings } from '../../ui/strings';
import { strings } from '../strings';
import { AvailabilityBadge } from '../../ui/rooms/AvailabilityBadge';
import { RoomCardHeader, RoomTags } from '../../ui/rooms/RoomSummary';
import { HeldBy } from './HeldBy';

const FloorPlan = lazy(async () => ({
  default: (await import(/* webpackChunkName: "floor-plan" */ './FloorPlan.js')).FloorPlan,
}));

const useStyles = makeStyles({
  // Fluent's small Card, drawn without it: Card brings tabster (its focus modes) to the first screen,
  // and a result card here is a plain group of content and controls.
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
  },
  image: {
    width: '100%',
    aspectRatio: '16 / 9',
    objectFit: 'cover',
    display: 'block',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  note: { color: tokens.colorNeutralForeground3 },
});

export interface RoomResultProps {
  readonly room: RoomSearchResult;
  readonly floor: Floor | undefined;
  readonly inMeeting: boolean;
  readonly adding: boolean;
  readonly onAdd: (room: RoomSearchResult) => void;
  /** For busy rooms: free rooms and times nearby. */
  readonly alternatives?: ReactNode;
  /** What "Add to meeting" said, right under the button. */
  readonly notes?: ReactNode;
}

export function RoomResult({ room, floor, inMeeting, adding, onAdd, alternatives, notes }: RoomResultProps) {
  const styles = useStyles();
  const [planOpen, setPlanOpen] = useState(false);
  const image = room.images[0];
  const titleId = `room-${room.id}`;
  const plan = floor?.plan ? { ...floor, plan: floor.plan } : undefined;
  return (
    <div role="group" className={styles.card} aria-labelledby={titleId}>
      {image ? <img className={styles.image} src={image.url} alt={image.alt} loading="lazy" decoding="async" /> : null}
      <RoomCardHeader room={room} titleId={titleId} />
      <RoomTags tags={room.tags} />
      {room.availability ? (
        <AvailabilityBadge
          availability={room.availability}
          groupLabel={strings.rooms.availabilityLabel}
          timesWhenBusy
        />
      ) : null}
      {room.availability?.heldBy ? <HeldBy holders={room.availability.heldBy} /> : null}
      {alternatives}
      <div className={styles.actions}>
        {inMeeting ? (
          <Badge appearance="filled" color="brand" icon={<CheckmarkCircleRegular />}>
            {strings.rooms.chosen}
          </Badge>
        ) : (
          <Button
            appearance="primary"
            icon={<CalendarAddRegular />}
            disabled={!room.exchange.email || adding}
            aria-describedby={room.exchange.email ? undefined : `${titleId}-nomailbox`}
            onClick={() => onAdd(room)}
          >
            {adding ? strings.rooms.adding : strings.rooms.add}
          </Button>
        )}
        <Link as="button" onClick={() => setPlanOpen((open) => !open)} aria-expanded={planOpen}>
          {planOpen ? strings.rooms.hidePlan : strings.rooms.showPlan}
        </Link>
      </div>
      {notes}
      {room.exchange.email ? null : (
        <Caption1 id={`${titleId}-nomailbox`} className={styles.note}>
          {strings.rooms.noMailbox}
        </Caption1>
      )}
      {planOpen ? (
        plan ? (
          <Suspense fallback={<Caption1>{uiStrings.loading}</Caption1>}>
            <FloorPlan floor={plan} roomName={room.name} shape={room.shape} />
          </Suspense>
        ) : (
          <Caption1 className={styles.note}>{strings.rooms.noPlan}</Caption1>
        )
      ) : null}
    </div>
  );
}
