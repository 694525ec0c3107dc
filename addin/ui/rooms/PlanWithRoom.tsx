import { makeStyles, tokens } from '@fluentui/react-components';
import type { FloorPlan } from '../../../shared/schemas/locations';

const useStyles = makeStyles({
  plan: {
    width: '100%',
    height: 'auto',
    maxHeight: '70vh',
    display: 'block',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  room: {
    fill: tokens.colorBrandBackground,
    fillOpacity: 0.45,
    stroke: tokens.colorBrandStroke1,
    strokeWidth: '4px',
    vectorEffect: 'non-scaling-stroke',
  },
});

export interface PlanWithRoomProps {
  readonly plan: FloorPlan;
  /** The room's outline in the plan's pixels; without one the plan is shown alone. */
  readonly shape: readonly (readonly [number, number])[] | null;
  /** What the picture shows, for screen readers. */
  readonly label: string;
}

/** A floor plan image with one room's outline drawn over it, scaled to the width it is given. */
export function PlanWithRoom({ plan, shape, label }: PlanWithRoomProps) {
  const styles = useStyles();
  const { url, width, height } = plan;
  return (
    <svg className={styles.plan} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <image href={url} width={width} height={height} />
      {shape ? (
        <polygon
          className={styles.room}
          points={shape.map(([x, y]) => `${x},${y}`).join(' ')}
          data-testid="highlighted-room"
        />
      ) : null}
    </svg>
  );
}
