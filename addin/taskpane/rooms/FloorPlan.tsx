import { makeStyles, tokens } from '@fluentui/react-components';
import type { Floor } from '../../../shared/schemas/locations';
import { strings } from '../strings';

const useStyles = makeStyles({
  plan: { width: '100%', height: 'auto', display: 'block', backgroundColor: tokens.colorNeutralBackground3 },
  room: {
    fill: tokens.colorBrandBackground,
    fillOpacity: 0.45,
    stroke: tokens.colorBrandStroke1,
    strokeWidth: '4px',
    vectorEffect: 'non-scaling-stroke',
  },
});

export interface FloorPlanProps {
  readonly floor: Floor & { readonly plan: NonNullable<Floor['plan']> };
  readonly roomName: string;
  /** The room's outline in the plan's pixels; without one the plan is shown alone. */
  readonly shape: readonly (readonly [number, number])[] | null;
}

/** The floor's plan image with the room's outline drawn over it (a lazy chunk: most people never open it). */
export function FloorPlan({ floor, roomName, shape }: FloorPlanProps) {
  const styles = useStyles();
  const { url, width, height } = floor.plan;
  return (
    <svg
      className={styles.plan}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={strings.rooms.planLabel(roomName, floor.name)}
    >
      <image href={url} width={width} height={height} />
      {shape ? <polygon className={styles.room} points={shape.map(([x, y]) => `${x},${y}`).join(' ')} /> : null}
    </svg>
  );
}
