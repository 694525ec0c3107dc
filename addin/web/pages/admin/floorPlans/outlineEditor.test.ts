import { describe, expect, it } from '@jest/globals';
import {
  draftProblems,
  editorReducer,
  initialEditor,
  keyAction,
  unsavedRooms,
  type EditorAction,
  type EditorState,
} from './outlineEditor';

const plan = { width: 400, height: 200 };
const square = [
  [10, 10],
  [50, 10],
  [50, 40],
  [10, 40],
] as const;

function run(state: EditorState, ...actions: EditorAction[]): EditorState {
  return actions.reduce(editorReducer, state);
}

const key = (k: string, shiftKey = false) => {
  const action = keyAction({ key: k, shiftKey, ctrlKey: false, metaKey: false });
  if (!action) throw new Error(`no action for ${k}`);
  return action;
};

const start = () => run(initialEditor(plan, { a: square, b: null }), { type: 'selectRoom', room: 'a' });

describe('the floor-plan editor', () => {
  it('moves the selected corner by 1 px with an arrow key and by 10 px with Shift', () => {
    const state = run(start(), key(']'), key(']'), key('ArrowRight'), key('ArrowDown', true));
    expect(state.vertex).toBe(1);
    expect(state.draft['a']?.[1]).toEqual([51, 20]);
    expect(state.saved['a']?.[1]).toEqual([50, 10]);
    expect(unsavedRooms(state)).toEqual(['a']);
  });

  it('moves the whole outline when no corner is selected, stopping at the plan edge', () => {
    const state = run(start(), key('ArrowLeft', true), key('ArrowLeft', true));
    expect(state.draft['a']).toEqual([
      [0, 10],
      [40, 10],
      [40, 40],
      [0, 40],
    ]);
  });

  it('steps through corners both ways, wrapping around', () => {
    expect(run(start(), key('[')).vertex).toBe(3);
    expect(run(start(), key('['), key(']')).vertex).toBe(0);
  });

  it('adds a corner after the selected one and removes it again, never below three', () => {
    const added = run(start(), key(']'), key('Insert'));
    expect(added.vertex).toBe(1);
    expect(added.draft['a']).toHaveLength(5);
    expect(added.draft['a']?.[1]).toEqual([30, 10]);
    const removed = run(added, key('Delete'));
    expect(removed.draft['a']).toEqual(square);
    const triangle = run(removed, key('Delete'));
    expect(triangle.draft['a']).toHaveLength(3);
    expect(run(triangle, key('Delete')).draft['a']).toHaveLength(3);
  });

  it('undoes step by step, a whole drag as one step', () => {
    const dragged = run(
      start(),
      { type: 'dragVertex', index: 2, to: [60, 50], continues: false },
      { type: 'dragVertex', index: 2, to: [70, 60], continues: true },
      { type: 'dragVertex', index: 2, to: [80, 70], continues: true },
      key('ArrowUp'),
    );
    expect(dragged.draft['a']?.[2]).toEqual([80, 69]);
    const once = run(dragged, { type: 'undo' });
    expect(once.draft['a']?.[2]).toEqual([80, 70]);
    const twice = run(once, { type: 'undo' });
    expect(twice.draft['a']).toEqual(square);
    expect(unsavedRooms(twice)).toEqual([]);
    expect(run(twice, { type: 'undo' })).toBe(twice);
  });

  it('draws a new outline by clicks, on the plan only while drawing', () => {
    const idle = run(start(), { type: 'clickPlan', at: [100, 100] });
    expect(idle.draft['a']).toEqual(square);
    const drawn = run(
      start(),
      { type: 'startDrawing' },
      { type: 'clickPlan', at: [100, 100] },
      { type: 'clickPlan', at: [500, 100] },
      { type: 'clickPlan', at: [300.4, 150.6] },
      key('Enter'),
    );
    expect(drawn.drawing).toBe(false);
    expect(drawn.draft['a']).toEqual([
      [100, 100],
      [400, 100],
      [300, 151],
    ]);
  });

  it('gives a room without an outline a starter square', () => {
    const state = run(initialEditor(plan, { b: null }), { type: 'selectRoom', room: 'b' }, { type: 'useStarter' });
    expect(state.draft['b']).toHaveLength(4);
    expect(draftProblems(state)).toEqual({});
  });

  it('names the outlines that cannot be saved', () => {
    const crossing = run(start(), { type: 'dragVertex', index: 3, to: [60, 40], continues: false });
    expect(draftProblems(crossing)).toEqual({ a: ['the outline crosses itself'] });
    const unfinished = run(start(), { type: 'startDrawing' }, { type: 'clickPlan', at: [1, 1] });
    expect(draftProblems(unfinished)).toEqual({ a: ['an outline needs at least 3 points'] });
  });

  it('keeps changes made while a save was under way unsaved', () => {
    const moved = run(start(), key('ArrowRight'));
    const sent = { a: moved.draft['a'] ?? null };
    const movedAgain = run(moved, key('ArrowRight'));
    const after = run(movedAgain, { type: 'saved', outlines: sent });
    expect(unsavedRooms(after)).toEqual(['a']);
    expect(unsavedRooms(run(moved, { type: 'saved', outlines: sent }))).toEqual([]);
  });

  it('leaves other keys alone', () => {
    expect(keyAction({ key: 'x', shiftKey: false, ctrlKey: false, metaKey: false })).toBeUndefined();
    expect(keyAction({ key: 'z', shiftKey: false, ctrlKey: true, metaKey: false })).toEqual({ type: 'undo' });
  });
});
