import { Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type Dispatch, type KeyboardEvent, type PointerEvent } from 'react';
import { toPlanPoint } from '../../../../../shared/geometry/outline';
import type { Point } from '../../../../../shared/geometry/polygon';
import type { FloorPlan } from '../../../../../shared/schemas/locations';
import { adminStrings } from '../strings';
import { keyAction, type EditorAction, type EditorState } from './outlineEditor';
import type { EditableRoom } from './FloorPlanEditor';

const useStyles = makeStyles({
  frame: {
    borderRadius: tokens.borderRadiusMedium,
    outline: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  plan: {
    width: '100%',
    height: 'auto',
    display: 'block',
    touchAction: 'none',
    userSelect: 'none',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  room: {
    fill: tokens.colorNeutralForeground3,
    fillOpacity: 0.15,
    stroke: tokens.colorNeutralForeground3,
    strokeWidth: '2px',
    vectorEffect: 'non-scaling-stroke',
    cursor: 'pointer',
  },
  current: {
    fill: tokens.colorBrandBackground,
    fillOpacity: 0.35,
    stroke: tokens.colorBrandStroke1,
    strokeWidth: '3px',
    cursor: 'move',
  },
  drawing: { fill: 'none', stroke: tokens.colorBrandStroke1, strokeDasharray: '6 4' },
  handle: {
    fill: tokens.colorNeutralBackground1,
    stroke: tokens.colorBrandStroke1,
    strokeWidth: '2px',
    vectorEffect: 'non-scaling-stroke',
    cursor: 'grab',
  },
  handleSelected: { fill: tokens.colorBrandBackground },
  where: { color: tokens.colorNeutralForeground2 },
});

const text = adminStrings.floorPlans;
/** Corner handles keep about this radius on screen, whatever the plan's scale. */
const HANDLE_SCREEN_RADIUS = 7;

type Drag =
  | { readonly kind: 'vertex'; readonly index: number; moved: boolean }
  | { readonly kind: 'outline'; last: Point; moved: boolean };

/** Where a pointer is on the plan: the SVG's own transform when the browser has one (it knows the letterboxing). */
function planPointOf(svg: SVGSVGElement, event: PointerEvent, plan: FloorPlan): Point {
  const matrix = typeof svg.getScreenCTM === 'function' ? svg.getScreenCTM() : null;
  if (matrix) {
    const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse());
    return [at.x, at.y];
  }
  return toPlanPoint({ x: event.clientX, y: event.clientY }, svg.getBoundingClientRect(), plan);
}

/** How many plan pixels one screen pixel is, followed as the plan is resized. */
function usePlanScale(svg: SVGSVGElement | null, plan: FloorPlan): number {
  const [scale, setScale] = useState(1);
  useEffect(() => {
    if (!svg || typeof ResizeObserver === 'undefined') return;
    const measure = () => {
      const width = svg.getBoundingClientRect().width;
      if (width > 0) setScale(plan.width / width);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(svg);
    return () => observer.disconnect();
  }, [svg, plan.width]);
  return scale;
}

const pointsOf = (outline: readonly Point[]) => outline.map(([x, y]) => `${x},${y}`).join(' ');

export interface PlanCanvasProps {
  readonly floorName: string;
  readonly plan: FloorPlan;
  readonly state: EditorState;
  readonly rooms: readonly EditableRoom[];
  readonly roomName: string | undefined;
  readonly dispatch: Dispatch<EditorAction>;
}

/**
 * The plan with every room's outline; the picked room's corners are handles. The frame takes the
 * keyboard (see keyAction), the SVG the pointer: drag a corner, drag the outline, click to draw.
 */
export function PlanCanvas({ floorName, plan, state, rooms, roomName, dispatch }: PlanCanvasProps) {
  const styles = useStyles();
  const [svg, setSvg] = useState<SVGSVGElement | null>(null);
  const frame = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const scale = usePlanScale(svg, plan);
  const outline = state.room === null ? null : (state.draft[state.room] ?? null);
  const corner = outline && state.vertex !== null ? outline[state.vertex] : undefined;

  const onKeyDown = (event: KeyboardEvent) => {
    if (state.room === null) return;
    const action = keyAction(event);
    if (!action) return;
    event.preventDefault();
    dispatch(action);
  };

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    if (!svg || event.button !== 0) return;
    frame.current?.focus();
    const target = event.target as Element;
    const vertex = target.getAttribute('data-vertex');
    const roomId = target.getAttribute('data-room');
    const at = planPointOf(svg, event, plan);
    if (state.drawing) {
      dispatch({ type: 'clickPlan', at });
      return;
    }
    if (vertex !== null) {
      const index = Number(vertex);
      dispatch({ type: 'selectVertex', index });
      drag.current = { kind: 'vertex', index, moved: false };
    } else if (roomId !== null && roomId === state.room) {
      dispatch({ type: 'selectVertex', index: null });
      drag.current = { kind: 'outline', last: at, moved: false };
    } else if (roomId !== null) {
      dispatch({ type: 'selectRoom', room: roomId });
      return;
    } else {
      return;
    }
    svg.setPointerCapture?.(event.pointerId);
  };

  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    const current = drag.current;
    if (!svg || !current) return;
    const at = planPointOf(svg, event, plan);
    if (current.kind === 'vertex') {
      dispatch({ type: 'dragVertex', index: current.index, to: at, continues: current.moved });
      current.moved = true;
      return;
    }
    const dx = Math.round(at[0] - current.last[0]);
    const dy = Math.round(at[1] - current.last[1]);
    if (dx === 0 && dy === 0) return;
    dispatch({ type: 'dragOutline', dx, dy, continues: current.moved });
    current.last = [current.last[0] + dx, current.last[1] + dy];
    current.moved = true;
  };

  const endDrag = () => {
    drag.current = null;
  };

  const radius = HANDLE_SCREEN_RADIUS * scale;
  const label = roomName ? text.canvasRoom(floorName, roomName) : text.canvasLabel(floorName);
  return (
    <>
      <div
        ref={frame}
        className={styles.frame}
        tabIndex={0}
        role="application"
        aria-label={label}
        aria-describedby="floor-plan-keys floor-plan-where"
        onKeyDown={onKeyDown}
      >
        <svg
          ref={setSvg}
          className={styles.plan}
          viewBox={`0 0 ${plan.width} ${plan.height}`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={endDrag}
          onPointerCancel={endDrag}
          data-testid="plan-canvas"
        >
          <image href={plan.url} width={plan.width} height={plan.height} />
          {rooms.map((room) => {
            const shape = state.draft[room.id] ?? null;
            if (!shape || shape.length === 0) return null;
            const current = room.id === state.room;
            const className = mergeClasses(
              styles.room,
              current && styles.current,
              current && state.drawing && styles.drawing,
            );
            return shape.length < 3 ? (
              <polyline key={room.id} className={className} points={pointsOf(shape)} data-room={room.id} />
            ) : (
              <polygon key={room.id} className={className} points={pointsOf(shape)} data-room={room.id}>
                <title>{room.name}</title>
              </polygon>
            );
          })}
          {outline?.map(([x, y], index) => (
            <circle
              key={index}
              className={mergeClasses(styles.handle, index === state.vertex && styles.handleSelected)}
              cx={x}
              cy={y}
              r={index === state.vertex ? radius * 1.4 : radius}
              data-vertex={index}
              data-testid={`corner-${index}`}
            />
          ))}
        </svg>
      </div>
      <Text className={styles.where} id="floor-plan-where" aria-live="polite" data-testid="plan-selection">
        {outline && corner && state.vertex !== null
          ? text.corner(state.vertex + 1, outline.length, corner[0], corner[1])
          : roomName && outline
            ? text.wholeOutline(roomName)
            : ''}
      </Text>
    </>
  );
}
