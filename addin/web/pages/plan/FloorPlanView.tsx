import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowMinimizeRegular, ZoomInRegular, ZoomOutRegular } from '@fluentui/react-icons';
import { useMemo, useRef, type KeyboardEvent, type ReactElement } from 'react';
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

/** The SVG patterns laid over the state colours (one of each, shared by every room). */
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

const fillOf = (state: PlanState) => STATE_LOOKS[state].fill;

export interface FloorPlanViewProps {
  readonly plan: FloorPlan;
  readonly label: string;
  readonly rooms: readonly PlanRoom[];
  readonly timeZone: string;
  readonly selectedId: string | undefined;
  readonly onPoint: (roomId: string) => void;
}

/**
 * The floor plan image with every outlined room drawn in its state (colour, pattern, icon and
 * word), in a pan-and-zoom frame (react-zoom-pan-pinch: mouse wheel, drag, pinch, and the zoom
 * buttons for the keyboard). Each room is focusable; the arrow keys move to the nearest room in
 * that direction.
 */
export function FloorPlanView({ plan, label, rooms, timeZone, selectedId, onPoint }: FloorPlanViewProps) {
  const styles = useStyles();
  const refs = useRef(new Map<string, SVGGElement>());
  const placed = useMemo(
    () => rooms.flatMap((r) => (r.shape ? [{ id: r.id, ...centreOf(r.shape), shape: r.shape, room: r }] : [])),
    [rooms],
  );
  const fontSize = Math.max(12, Math.round(plan.width / 80));
  const move = (event: KeyboardEvent, fromId: string) => {
    const direction = DIRECTIONS[event.key];
    if (!direction) return;
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
              >
                <Patterns />
                <image href={plan.url} width={plan.width} height={plan.height} />
                {placed.map(({ id, x, y, shape, room }) => {
                  const look = STATE_LOOKS[room.state];
                  const points = shape.map(([px, py]) => `${px},${py}`).join(' ');
                  return (
                    <g
                      key={id}
                      ref={(el) => {
                        if (el) refs.current.set(id, el);
                        else refs.current.delete(id);
                      }}
                      className={styles.room}
                      tabIndex={0}
                      role="button"
                      aria-label={roomAriaLabel(room, timeZone)}
                      aria-pressed={selectedId === id}
                      data-state={room.state}
                      data-room={room.name}
                      onMouseEnter={() => onPoint(id)}
                      onFocus={() => onPoint(id)}
                      onClick={() => onPoint(id)}
                      onKeyDown={(e) => move(e, id)}
                    >
                      <polygon points={points} fill={fillOf(room.state)} fillOpacity={0.85} />
                      {look.pattern === 'none' ? null : (
                        <polygon points={points} fill={`url(#${patternId(look.pattern)})`} />
                      )}
                      <polygon
                        points={points}
                        fill="none"
                        className={`outline ${styles.outline} ${selectedId === id ? styles.selected : ''}`}
                      />
                      <text className={styles.label} x={x} y={y} textAnchor="middle" fontSize={fontSize} fill="#000">
                        <tspan x={x} dy={-fontSize * 0.2} paintOrder="stroke" stroke="#fff" strokeWidth={4}>
                          {room.name}
                        </tspan>
                        <tspan x={x} dy={fontSize * 1.15} paintOrder="stroke" stroke="#fff" strokeWidth={4}>
                          {`${look.icon} ${s.states[room.state]}`}
                        </tspan>
                      </text>
                    </g>
                  );
                })}
              </svg>
            </TransformComponent>
          </>
        )}
      </TransformWrapper>
    </div>
  );
}
