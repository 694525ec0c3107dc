import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowMinimizeRegular, ZoomInRegular, ZoomOutRegular } from '@fluentui/react-icons';
import { memo, useCallback, useMemo, useRef, type KeyboardEvent, type ReactElement, type SyntheticEvent } from 'react';
import { TransformComponent, TransformWrapper } from 'react-zoom-pan-pinch';
import type { FloorPlan } from '../../../../shared/schemas/locations';
import type { PlanRoom, PlanState } from '../../../../shared/schemas/plan';
import { formatClock } from '../../../ui/time';
import { STATE_LOOKS, patternId, type StateLook } from './planStates';
import { centreOf, DIRECTIONS, nextRoom } from './roomNavigation';
import { planStrings as s } from './strings';

const useStyles = makeStyles({
  frame: {
    position: 'relative',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    overflow: 'hidden',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  tools: {
    position: 'absolute',
    top: tokens.spacingVerticalS,
    right: tokens.spacingHorizontalS,
    zIndex: 1,
    display: 'flex',
    gap: tokens.spacingHorizontalXS,
  },
  wrapper: { width: '100% !important', maxHeight: '70vh' },
  // The library sizes its content to the content's own width; the plan fills the frame instead.
  content: { width: '100% !important' },
  svg: { width: '100%', height: 'auto', display: 'block' },
  room: {
    cursor: 'pointer',
    outlineStyle: 'none',
    ':focus-visible > polygon.outline': { stroke: tokens.colorStrokeFocus2, strokeWidth: '8px' },
  },
  outline: { stroke: tokens.colorNeutralForeground1, strokeWidth: '2px', vectorEffect: 'non-scaling-stroke' },
  selected: { stroke: tokens.colorBrandStroke1, strokeWidth: '6px' },
  label: { pointerEvents: 'none', fontFamily: tokens.fontFamilyBase, fontWeight: 600 },
});

const fillOf = (state: PlanState) => STATE_LOOKS[state].fill;

/** The state whose look uses each pattern (each pattern belongs to one state). */
const PATTERN_STATE = Object.fromEntries(
  Object.entries(STATE_LOOKS).map(([state, look]) => [look.pattern, state as PlanState]),
) as Record<StateLook['pattern'], PlanState>;

/**
 * The SVG patterns (one of each, shared by every room), each on its state's colour: a room is
 * then one polygon, colour, pattern and outline at once, rather than a colour and an overlay.
 */
function Patterns() {
  const stroke = { stroke: 'rgba(0,0,0,0.55)', strokeWidth: 2 };
  const defs: Record<Exclude<StateLook['pattern'], 'none'>, ReactElement> = {
    dots: <circle cx="5" cy="5" r="2" fill="rgba(0,0,0,0.55)" />,
    diagonal: <path d="M-2,12 L12,-2" {...stroke} />,
    cross: <path d="M-2,12 L12,-2 M-2,-2 L12,12" {...stroke} />,
    horizontal: <path d="M0,5 L10,5" {...stroke} />,
    vertical: <path d="M5,0 L5,10" {...stroke} />,
    rings: <circle cx="5" cy="5" r="3" fill="none" {...stroke} strokeWidth={1.5} />,
    dense: <path d="M-2,6 L6,-2 M4,12 L12,4" {...stroke} />,
  };
  return (
    <defs>
      {Object.entries(defs).map(([name, shape]) => (
        <pattern
          key={name}
          id={patternId(name as StateLook['pattern'])}
          width="10"
          height="10"
          patternUnits="userSpaceOnUse"
        >
          <rect width="10" height="10" fill={fillOf(PATTERN_STATE[name as StateLook['pattern']])} fillOpacity={0.55} />
          {shape}
        </pattern>
      ))}
    </defs>
  );
}

/** What a screen reader hears on a room: name, state word, who has it and until when. */
export function roomAriaLabel(room: PlanRoom, timeZone: string): string {
  const holder = room.current?.organizer ?? null;
  const until = room.current ? formatClock(room.current.end, timeZone) : null;
  return s.roomLabel(room.name, s.states[room.state], holder, until);
}

/** Where a room's badge goes: the middle of its outline, no taller than a third of the room. */
export function badgePlace(shape: readonly (readonly [number, number])[], fontSize: number) {
  const ys = shape.map(([, y]) => y);
  const { x, y } = centreOf(shape);
  return { x, y, size: Math.max(10, Math.min(fontSize, (Math.max(...ys) - Math.min(...ys)) / 3)) };
}

interface RoomShapeProps {
  readonly id: string;
  readonly name: string;
  readonly state: PlanState;
  readonly points: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly label: string;
  readonly selected: boolean;
  readonly classes: {
    readonly room: string;
    readonly outline: string;
    readonly selected: string;
    readonly badge: string;
  };
  readonly register: (id: string, el: SVGGElement | null) => void;
}

/**
 * One room: its state colour, pattern and outline, and a badge with the state's icon and word
 * (the plan image names the room; its accessible label does too). Plain props, memoised: a
 * refetch or pointing at a room redraws the rooms that changed, not the floor.
 */
const RoomShape = memo(function RoomShape(props: RoomShapeProps) {
  const { id, name, state, points, x, y, size, label, selected, classes, register } = props;
  const look = STATE_LOOKS[state];
  const text = `${look.icon} ${s.states[state]}`;
  // As few elements as the looks need (200 rooms, 3 each): the badge's white ground is a halo
  // painted under the word, not a box of its own.
  return (
    <g
      ref={(el) => register(id, el)}
      className={classes.room}
      tabIndex={0}
      role="button"
      aria-label={label}
      aria-pressed={selected}
      data-id={id}
      data-state={state}
      data-room={name}
    >
      <polygon
        points={points}
        {...(look.pattern === 'none'
          ? { fill: fillOf(state), fillOpacity: 0.55 }
          : { fill: `url(#${patternId(look.pattern)})` })}
        className={`outline ${classes.outline} ${selected ? classes.selected : ''}`}
      />
      <text
        className={classes.badge}
        x={x}
        y={y}
        textAnchor="middle"
        dominantBaseline="central"
        fontSize={size}
        fill="#000"
        stroke="#fff"
        strokeWidth={size / 3}
        strokeLinejoin="round"
        paintOrder="stroke"
      >
        {text}
      </text>
    </g>
  );
});

export interface FloorPlanViewProps {
  readonly plan: FloorPlan;
  readonly label: string;
  readonly rooms: readonly PlanRoom[];
  readonly timeZone: string;
  readonly selectedId: string | undefined;
  readonly onPoint: (roomId: string) => void;
}

/** The room a pointer or focus event happened in, by its data-id. */
const roomIdOf = (event: SyntheticEvent): string | undefined =>
  (event.target as Element).closest?.('[data-id]')?.getAttribute('data-id') ?? undefined;

/**
 * The floor plan image with every outlined room drawn in its state (colour, pattern, icon and
 * word; the plan image names the rooms, the accessible label too), in a pan-and-zoom frame
 * (react-zoom-pan-pinch: mouse wheel, drag, pinch, and the zoom buttons for the keyboard). Each
 * room is focusable; the arrow keys move to the nearest room in that direction. Events are
 * handled once on the plan (not 200 handlers), and rooms are memoised.
 */
export function FloorPlanView({ plan, label, rooms, timeZone, selectedId, onPoint }: FloorPlanViewProps) {
  const styles = useStyles();
  const refs = useRef(new Map<string, SVGGElement>());
  const fontSize = Math.max(12, Math.round(plan.width / 80));
  const placed = useMemo(
    () =>
      rooms.flatMap((r) =>
        r.shape
          ? [
              {
                id: r.id,
                ...centreOf(r.shape),
                room: r,
                points: r.shape.map(([px, py]) => `${px},${py}`).join(' '),
                badge: badgePlace(r.shape, fontSize),
                label: roomAriaLabel(r, timeZone),
              },
            ]
          : [],
      ),
    [rooms, fontSize, timeZone],
  );
  const classes = useMemo(
    () => ({ room: styles.room, outline: styles.outline, selected: styles.selected, badge: styles.label }),
    [styles.room, styles.outline, styles.selected, styles.label],
  );
  const register = useCallback((id: string, el: SVGGElement | null) => {
    if (el) refs.current.set(id, el);
    else refs.current.delete(id);
  }, []);
  const point = (event: SyntheticEvent): void => {
    const id = roomIdOf(event);
    if (id !== undefined && id !== selectedId) onPoint(id);
  };
  const move = (event: KeyboardEvent): void => {
    const direction = DIRECTIONS[event.key];
    const fromId = roomIdOf(event);
    if (!direction || fromId === undefined) return;
    event.preventDefault();
    const target = nextRoom(placed, fromId, direction);
    if (target) refs.current.get(target)?.focus();
  };
  return (
    <div className={styles.frame}>
      <TransformWrapper minScale={1} maxScale={6} doubleClick={{ disabled: true }}>
        {({ zoomIn, zoomOut, resetTransform }) => (
          <>
            <div className={styles.tools}>
              <Button icon={<ZoomInRegular />} aria-label={s.zoomIn} onClick={() => void zoomIn()} />
              <Button icon={<ZoomOutRegular />} aria-label={s.zoomOut} onClick={() => void zoomOut()} />
              <Button icon={<ArrowMinimizeRegular />} aria-label={s.resetZoom} onClick={() => void resetTransform()} />
            </div>
            <TransformComponent wrapperClass={styles.wrapper} contentClass={styles.content}>
              <svg
                className={styles.svg}
                viewBox={`0 0 ${plan.width} ${plan.height}`}
                role="group"
                aria-label={label}
                data-testid="floor-plan"
                onMouseOver={point}
                onFocus={point}
                onClick={point}
                onKeyDown={move}
              >
                <Patterns />
                <image href={plan.url} width={plan.width} height={plan.height} />
                {placed.map(({ id, room, points, badge, label: roomLabel }) => (
                  <RoomShape
                    key={id}
                    id={id}
                    name={room.name}
                    state={room.state}
                    points={points}
                    x={badge.x}
                    y={badge.y}
                    size={badge.size}
                    label={roomLabel}
                    selected={selectedId === id}
                    classes={classes}
                    register={register}
                  />
                ))}
              </svg>
            </TransformComponent>
          </>
        )}
      </TransformWrapper>
    </div>
  );
}
