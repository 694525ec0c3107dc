import {
  appendVertex,
  insertVertexAfter,
  moveOutline,
  moveVertex,
  placeVertex,
  removeVertex,
  sameOutline,
  starterOutline,
  type Outline,
} from '../../../../../shared/geometry/outline';
import { polygonProblems, type PlanSize, type Point } from '../../../../../shared/geometry/polygon';

/**
 * The floor-plan editor's state: the outlines as saved, the unsaved drafts, the undo history of
 * the drafts, and what is selected. Pure, so mouse, keyboard and buttons share one set of rules.
 */
export type Outlines = Readonly<Record<string, Outline | null>>;

export interface EditorState {
  readonly plan: PlanSize;
  readonly saved: Outlines;
  readonly draft: Outlines;
  /** Earlier drafts, most recent last: Undo steps back through them. */
  readonly history: readonly Outlines[];
  readonly room: string | null;
  readonly vertex: number | null;
  /** Drawing a new outline: clicks on the plan add corners until it is finished. */
  readonly drawing: boolean;
}

export type EditorAction =
  | { readonly type: 'selectRoom'; readonly room: string | null }
  | { readonly type: 'selectVertex'; readonly index: number | null }
  | { readonly type: 'stepVertex'; readonly by: 1 | -1 }
  | { readonly type: 'nudge'; readonly dx: number; readonly dy: number }
  /** `continues` marks the later steps of one drag, which Undo takes back as one. */
  | { readonly type: 'dragVertex'; readonly index: number; readonly to: Point; readonly continues: boolean }
  | { readonly type: 'dragOutline'; readonly dx: number; readonly dy: number; readonly continues: boolean }
  | { readonly type: 'addVertex' }
  | { readonly type: 'removeVertex' }
  | { readonly type: 'startDrawing' }
  | { readonly type: 'clickPlan'; readonly at: Point }
  | { readonly type: 'finishDrawing' }
  | { readonly type: 'useStarter' }
  | { readonly type: 'undo' }
  | { readonly type: 'saved'; readonly outlines: Outlines };

const HISTORY_LIMIT = 200;

export function initialEditor(plan: PlanSize, saved: Outlines): EditorState {
  return { plan, saved, draft: saved, history: [], room: null, vertex: null, drawing: false };
}

const outlineOf = (state: EditorState): Outline | null =>
  state.room === null ? null : (state.draft[state.room] ?? null);

/** The draft with the selected room's outline replaced, remembering the old draft for Undo. */
function withOutline(state: EditorState, outline: Outline, continues = false): EditorState {
  if (state.room === null) return state;
  const current = state.draft[state.room] ?? null;
  if (sameOutline(current, outline)) return state;
  const history = continues ? state.history : [...state.history, state.draft].slice(-HISTORY_LIMIT);
  return { ...state, history, draft: { ...state.draft, [state.room]: outline } };
}

function selectRoom(state: EditorState, room: string | null): EditorState {
  return { ...state, room, vertex: null, drawing: false };
}

function stepVertex(state: EditorState, by: 1 | -1): EditorState {
  const outline = outlineOf(state);
  if (!outline || outline.length === 0) return state;
  const from = state.vertex ?? (by === 1 ? -1 : 0);
  return { ...state, vertex: (from + by + outline.length) % outline.length };
}

/** Arrow keys: the selected corner, or the whole outline when no corner is selected. */
function nudge(state: EditorState, dx: number, dy: number): EditorState {
  const outline = outlineOf(state);
  if (!outline) return state;
  if (state.vertex === null) return withOutline(state, moveOutline(outline, dx, dy, state.plan));
  return withOutline(state, moveVertex(outline, state.vertex, dx, dy, state.plan));
}

function addVertex(state: EditorState): EditorState {
  const outline = outlineOf(state);
  if (!outline || outline.length < 2) return state;
  const added = insertVertexAfter(outline, state.vertex ?? outline.length - 1);
  return { ...withOutline(state, added.outline), vertex: added.index };
}

function removeSelectedVertex(state: EditorState): EditorState {
  const outline = outlineOf(state);
  if (!outline || state.vertex === null) return state;
  const next = removeVertex(outline, state.vertex);
  if (next === outline) return state;
  return { ...withOutline(state, next), vertex: Math.min(state.vertex, next.length - 1) };
}

function undo(state: EditorState): EditorState {
  const previous = state.history.at(-1);
  if (previous === undefined) return state;
  const outline = state.room === null ? null : (previous[state.room] ?? null);
  const vertex = state.vertex !== null && outline && state.vertex < outline.length ? state.vertex : null;
  return { ...state, draft: previous, history: state.history.slice(0, -1), vertex, drawing: false };
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'selectRoom':
      return selectRoom(state, action.room);
    case 'selectVertex':
      return { ...state, vertex: action.index };
    case 'stepVertex':
      return stepVertex(state, action.by);
    case 'nudge':
      return nudge(state, action.dx, action.dy);
    case 'dragVertex': {
      const outline = outlineOf(state);
      if (!outline) return state;
      const moved = placeVertex(outline, action.index, action.to, state.plan);
      return { ...withOutline(state, moved, action.continues), vertex: action.index };
    }
    case 'dragOutline': {
      const outline = outlineOf(state);
      if (!outline) return state;
      return withOutline(state, moveOutline(outline, action.dx, action.dy, state.plan), action.continues);
    }
    case 'addVertex':
      return addVertex(state);
    case 'removeVertex':
      return removeSelectedVertex(state);
    case 'startDrawing':
      return state.room === null ? state : { ...withOutline(state, []), vertex: null, drawing: true };
    case 'clickPlan': {
      const outline = outlineOf(state) ?? [];
      if (!state.drawing) return state;
      const next = appendVertex(outline, action.at, state.plan);
      return { ...withOutline(state, next), vertex: next.length - 1 };
    }
    case 'finishDrawing':
      return { ...state, drawing: false };
    case 'useStarter':
      return outlineOf(state) ? state : { ...withOutline(state, starterOutline(state.plan)), vertex: 0 };
    case 'undo':
      return undo(state);
    case 'saved': {
      const saved = { ...state.saved, ...action.outlines };
      // Outlines changed since the save was sent stay unsaved.
      return { ...state, saved };
    }
  }
}

/** The rooms whose draft differs from what is saved. */
export function unsavedRooms(state: EditorState): string[] {
  return Object.keys(state.draft).filter((room) => !sameOutline(state.draft[room] ?? null, state.saved[room] ?? null));
}

/** Why the changed outlines cannot be saved, per room; empty when all can. */
export function draftProblems(state: EditorState): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  for (const room of unsavedRooms(state)) {
    const outline = state.draft[room] ?? null;
    const found = outline === null ? [] : polygonProblems(outline, state.plan);
    if (found.length > 0) problems[room] = found;
  }
  return problems;
}

/** A key pressed on the plan, as an editor action; undefined for keys the editor leaves alone. */
export function keyAction(event: {
  readonly key: string;
  readonly shiftKey: boolean;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
}): EditorAction | undefined {
  const step = event.shiftKey ? 10 : 1;
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'z') return { type: 'undo' };
  switch (event.key) {
    case 'ArrowLeft':
      return { type: 'nudge', dx: -step, dy: 0 };
    case 'ArrowRight':
      return { type: 'nudge', dx: step, dy: 0 };
    case 'ArrowUp':
      return { type: 'nudge', dx: 0, dy: -step };
    case 'ArrowDown':
      return { type: 'nudge', dx: 0, dy: step };
    case ']':
    case 'n':
      return { type: 'stepVertex', by: 1 };
    case '[':
    case 'p':
      return { type: 'stepVertex', by: -1 };
    case 'Insert':
    case '+':
    case 'a':
      return { type: 'addVertex' };
    case 'Delete':
    case 'Backspace':
    case '-':
      return { type: 'removeVertex' };
    case 'Escape':
      return { type: 'selectVertex', index: null };
    case 'Enter':
      return { type: 'finishDrawing' };
    default:
      return undefined;
  }
}
