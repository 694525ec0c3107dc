import { Button, Text, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import {
  AddRegular,
  ArrowUndoRegular,
  ChevronLeftRegular,
  ChevronRightRegular,
  DeleteRegular,
  DrawShapeRegular,
  SaveRegular,
  SquareRegular,
} from '@fluentui/react-icons';
import { useReducer, useState } from 'react';
import { locationsEndpoints } from '../../../../../shared/api/locations';
import type { Floor, FloorPlan } from '../../../../../shared/schemas/locations';
import { ProblemNote, SuccessNote } from '../../../../ui/StatusViews';
import { describeError } from '../../../../ui/errors';
import { useApi } from '../../../../ui/hooks/useApi';
import { adminStrings } from '../strings';
import {
  draftProblems,
  editorReducer,
  initialEditor,
  unsavedRooms,
  type EditorState,
  type Outlines,
} from './outlineEditor';
import { PlanCanvas } from './PlanCanvas';

const useStyles = makeStyles({
  editor: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(200px, 260px)',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
    '@media (max-width: 720px)': { gridTemplateColumns: 'minmax(0, 1fr)' },
  },
  main: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  pick: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
  picked: { backgroundColor: tokens.colorBrandBackground2, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground3 },
  status: { color: tokens.colorNeutralForeground2 },
});

const text = adminStrings.floorPlans;

export interface EditableRoom {
  readonly id: string;
  readonly name: string;
  readonly shape: Outlines[string];
}

interface SaveState {
  readonly busy: boolean;
  readonly problems: readonly string[];
  readonly done: boolean;
}

/** Sends each changed outline (PATCH /api/rooms/:id); returns what was saved and what failed, per room. */
async function saveOutlines(
  api: ReturnType<typeof useApi>,
  state: EditorState,
  names: ReadonlyMap<string, string>,
): Promise<{ saved: Outlines; failures: string[] }> {
  const saved: Record<string, Outlines[string]> = {};
  const failures: string[] = [];
  for (const room of unsavedRooms(state)) {
    const shape = state.draft[room] ?? null;
    try {
      await api.call(locationsEndpoints.updateRoom, {
        params: { id: room },
        body: { shape: shape === null ? null : shape.map(([x, y]) => [x, y] as [number, number]) },
      });
      saved[room] = shape;
    } catch (err) {
      failures.push(text.saveFailed(names.get(room) ?? room, describeError(err)));
    }
  }
  return { saved, failures };
}

/** The plan of one floor with its rooms' outlines: pick a room, then edit its outline by mouse, keyboard or buttons. */
export function FloorPlanEditor({
  floor,
  rooms,
}: {
  floor: Floor & { plan: FloorPlan };
  rooms: readonly EditableRoom[];
}) {
  const styles = useStyles();
  const api = useApi();
  const [state, dispatch] = useReducer(editorReducer, undefined, () =>
    initialEditor(floor.plan, Object.fromEntries(rooms.map((r) => [r.id, r.shape]))),
  );
  const [save, setSave] = useState<SaveState>({ busy: false, problems: [], done: false });
  const names = new Map(rooms.map((r) => [r.id, r.name]));
  const unsaved = unsavedRooms(state);
  const selected = rooms.find((r) => r.id === state.room);
  const outline = state.room === null ? null : (state.draft[state.room] ?? null);

  const submit = async () => {
    const invalid = Object.entries(draftProblems(state));
    if (invalid.length > 0) {
      setSave({
        busy: false,
        done: false,
        problems: invalid.map(([room, found]) => text.problems(names.get(room) ?? room, found.join('; '))),
      });
      return;
    }
    setSave({ busy: true, problems: [], done: false });
    const result = await saveOutlines(api, state, names);
    dispatch({ type: 'saved', outlines: result.saved });
    setSave({ busy: false, problems: result.failures, done: result.failures.length === 0 });
  };

  const editing = selected !== undefined;
  return (
    <div className={styles.editor}>
      <div className={styles.main}>
        <div className={styles.toolbar} role="toolbar" aria-label={text.title}>
          <Button
            icon={<ChevronLeftRegular />}
            disabled={!outline || outline.length === 0}
            onClick={() => dispatch({ type: 'stepVertex', by: -1 })}
          >
            {text.previousCorner}
          </Button>
          <Button
            icon={<ChevronRightRegular />}
            disabled={!outline || outline.length === 0}
            onClick={() => dispatch({ type: 'stepVertex', by: 1 })}
          >
            {text.nextCorner}
          </Button>
          <Button
            icon={<AddRegular />}
            disabled={!outline || outline.length < 2}
            onClick={() => dispatch({ type: 'addVertex' })}
          >
            {text.addCorner}
          </Button>
          <Button
            icon={<DeleteRegular />}
            disabled={!outline || state.vertex === null || outline.length <= 3}
            onClick={() => dispatch({ type: 'removeVertex' })}
          >
            {text.removeCorner}
          </Button>
          {state.drawing ? (
            <Button appearance="primary" onClick={() => dispatch({ type: 'finishDrawing' })}>
              {text.finishDrawing}
            </Button>
          ) : (
            <Button icon={<DrawShapeRegular />} disabled={!editing} onClick={() => dispatch({ type: 'startDrawing' })}>
              {text.drawNew}
            </Button>
          )}
          {editing && !outline && !state.drawing ? (
            <Button icon={<SquareRegular />} onClick={() => dispatch({ type: 'useStarter' })}>
              {text.starter}
            </Button>
          ) : null}
          <Button
            icon={<ArrowUndoRegular />}
            disabled={state.history.length === 0}
            onClick={() => dispatch({ type: 'undo' })}
          >
            {text.undo}
          </Button>
          <Button
            appearance="primary"
            icon={<SaveRegular />}
            disabled={save.busy || unsaved.length === 0}
            onClick={() => void submit()}
          >
            {save.busy ? text.saving : text.save}
          </Button>
        </div>
        <Text className={styles.status} role="status">
          {unsaved.length > 0 ? text.unsavedCount(unsaved.length) : text.nothingToSave}
        </Text>
        {save.problems.map((problem) => (
          <ProblemNote key={problem} text={problem} />
        ))}
        {save.done && unsaved.length === 0 ? <SuccessNote text={text.saved} /> : null}
        {state.drawing ? <Text>{text.drawingHint}</Text> : null}
        <PlanCanvas
          floorName={floor.name}
          plan={floor.plan}
          state={state}
          rooms={rooms}
          roomName={selected?.name}
          dispatch={dispatch}
        />
        <Text size={200} className={styles.muted} id="floor-plan-keys">
          {text.keysHelp}
        </Text>
      </div>
      <section className={styles.side} aria-labelledby="floor-plan-rooms">
        <Text as="h2" id="floor-plan-rooms" weight="semibold" size={400} className={styles.heading}>
          {text.rooms}
        </Text>
        <ul className={styles.list}>
          {rooms.map((room) => {
            const picked = room.id === state.room;
            const notes: string[] = [
              state.draft[room.id] ? null : text.noOutline,
              unsaved.includes(room.id) ? text.unsaved : null,
            ].filter((n) => n !== null);
            return (
              <li key={room.id}>
                <Button
                  appearance="subtle"
                  className={mergeClasses(styles.pick, picked && styles.picked)}
                  aria-pressed={picked}
                  aria-label={text.pickRoom(room.name)}
                  onClick={() => dispatch({ type: 'selectRoom', room: picked ? null : room.id })}
                >
                  {room.name}
                  {notes.length > 0 ? ` (${notes.join(', ')})` : ''}
                </Button>
              </li>
            );
          })}
        </ul>
      </section>
    </div>
  );
}
