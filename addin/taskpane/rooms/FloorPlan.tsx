import {
  Button,
  Dialog,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowMaximizeRegular, DismissRegular } from '@fluentui/react-icons';
import { useCallback, useState } from 'react';
import type { Floor } from '../../../shared/schemas/locations';
import { strings } from '../strings';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  thumbnail: { width: '100%', height: 'auto', display: 'block', backgroundColor: tokens.colorNeutralBackground3 },
  room: {
    fill: tokens.colorBrandBackground,
    fillOpacity: 0.45,
    stroke: tokens.colorBrandStroke1,
    strokeWidth: '4px',
    vectorEffect: 'non-scaling-stroke',
  },
  enlarge: { alignSelf: 'flex-start' },
  // The whole pane (or window): a 350 px pane has no room to spare for margins.
  surface: {
    width: '100vw',
    maxWidth: '100vw',
    height: '100vh',
    maxHeight: '100vh',
    borderRadius: 0,
    padding: tokens.spacingHorizontalS,
    boxSizing: 'border-box',
  },
  body: { height: '100%', maxHeight: '100%', gridTemplateRows: 'auto minmax(0, 1fr)' },
  scroller: {
    overflow: 'auto',
    padding: 0,
    backgroundColor: tokens.colorNeutralBackground3,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  // At the plan's own pixel size, so its labels are as legible as drawn; the area scrolls.
  large: { display: 'block' },
});

type PlannedFloor = Floor & { readonly plan: NonNullable<Floor['plan']> };

export interface FloorPlanProps {
  readonly floor: PlannedFloor;
  readonly roomName: string;
  /** The room's outline in the plan's pixels; without one the plan is shown alone. */
  readonly shape: readonly (readonly [number, number])[] | null;
}

function PlanImage({ floor, roomName, shape, className }: FloorPlanProps & { className: string }) {
  const styles = useStyles();
  const { url, width, height } = floor.plan;
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-label={strings.rooms.planLabel(roomName, floor.name)}
    >
      <image href={url} width={width} height={height} />
      {shape ? <polygon className={styles.room} points={shape.map(([x, y]) => `${x},${y}`).join(' ')} /> : null}
    </svg>
  );
}

/** Centre of the room's outline, to open the large plan on it. */
function centreOf(shape: FloorPlanProps['shape']): { x: number; y: number } | undefined {
  if (!shape || shape.length === 0) return undefined;
  const xs = shape.map(([x]) => x);
  const ys = shape.map(([, y]) => y);
  return { x: (Math.min(...xs) + Math.max(...xs)) / 2, y: (Math.min(...ys) + Math.max(...ys)) / 2 };
}

/**
 * The floor's plan with the room's outline over it (a lazy chunk: most people never open it): a
 * thumbnail in the card, and "Enlarge" opens it over the whole pane at the plan's own size, on the
 * room, scrollable by mouse, touch and arrow keys; Escape or Close returns to the card.
 */
export function FloorPlan(props: FloorPlanProps) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const { shape } = props;
  // Runs when the scroll area mounts, i.e. each time the dialog opens.
  const scrollToRoom = useCallback(
    (area: HTMLDivElement | null) => {
      const centre = centreOf(shape);
      if (!area || !centre) return;
      area.scrollLeft = centre.x - area.clientWidth / 2;
      area.scrollTop = centre.y - area.clientHeight / 2;
    },
    [shape],
  );
  return (
    <figure className={styles.figure}>
      <PlanImage {...props} className={styles.thumbnail} />
      <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
        <DialogTrigger disableButtonEnhancement>
          <Button className={styles.enlarge} size="small" icon={<ArrowMaximizeRegular />}>
            {strings.rooms.enlargePlan}
          </Button>
        </DialogTrigger>
        <DialogSurface className={styles.surface}>
          <DialogBody className={styles.body}>
            <DialogTitle
              action={
                <DialogTrigger action="close">
                  <Button appearance="subtle" aria-label={strings.rooms.closePlan} icon={<DismissRegular />} />
                </DialogTrigger>
              }
            >
              {strings.rooms.largePlanTitle(props.roomName, props.floor.name)}
            </DialogTitle>
            <DialogContent
              className={styles.scroller}
              ref={scrollToRoom}
              tabIndex={0}
              role="region"
              aria-label={strings.rooms.planScrollLabel}
            >
              <PlanImage {...props} className={styles.large} />
            </DialogContent>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </figure>
  );
}
