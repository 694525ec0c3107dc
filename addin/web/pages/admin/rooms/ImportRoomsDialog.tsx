import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Select,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { ArrowImportRegular } from '@fluentui/react-icons';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { exchangeEndpoints } from '../../../../../shared/api/exchange';
import type { importRoomsResultSchema, roomMailboxSchema } from '../../../../../shared/schemas/exchange';
import { LoadingState, ProblemNote } from '../../../../ui/StatusViews';
import { AdminError } from '../AdminError';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { formProblems } from '../apiErrors';
import { adminStrings } from '../strings';

type ImportResult = z.infer<typeof importRoomsResultSchema>;
type RoomMailbox = z.infer<typeof roomMailboxSchema>;

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  lists: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    maxHeight: '40vh',
    overflowY: 'auto',
  },
  list: { display: 'flex', flexDirection: 'column', margin: 0, padding: 0, border: 'none' },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0 },
});

const text = adminStrings.importRooms;
const DEFAULT_CAPACITY = 10;

export interface FloorOption {
  readonly id: string;
  readonly label: string;
}

export interface ImportRoomsDialogProps {
  readonly floors: readonly FloorOption[];
  readonly onImported: (result: ImportResult) => void;
}

/** "Import rooms": picks room mailboxes from Exchange's room lists and creates connected rooms on a floor. */
export function ImportRoomsDialog({ floors, onImported }: ImportRoomsDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<ArrowImportRegular />}>{adminStrings.rooms.import}</Button>
      </DialogTrigger>
      <DialogSurface>
        <ImportForm
          floors={floors}
          onDone={(result) => {
            setOpen(false);
            onImported(result);
          }}
        />
      </DialogSurface>
    </Dialog>
  );
}

function byRoomList(mailboxes: readonly RoomMailbox[]): [string, RoomMailbox[]][] {
  const lists = new Map<string, RoomMailbox[]>();
  for (const mailbox of mailboxes) lists.set(mailbox.roomList, [...(lists.get(mailbox.roomList) ?? []), mailbox]);
  return [...lists.entries()].sort(([a], [b]) => a.localeCompare(b));
}

/** A failed import in one sentence: the form has no field of its own for the server to point at. */
function importProblem(error: unknown): string {
  const problems = formProblems(error);
  return problems.message ?? Object.values(problems.fields).join(' ');
}

function ImportForm({ floors, onDone }: { floors: readonly FloorOption[]; onDone: (result: ImportResult) => void }) {
  const styles = useStyles();
  const api = useApi();
  const { state, retry } = useAsync('room-mailboxes', (signal) =>
    api.call(exchangeEndpoints.listRoomMailboxes, { signal }),
  );
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [floorId, setFloorId] = useState(floors[0]?.id ?? '');
  const [capacity, setCapacity] = useState(String(DEFAULT_CAPACITY));
  const { busy: importing, problem, submit, complain } = useSubmit(importProblem);

  const available = state.status === 'success' ? state.data.filter((m) => !m.connected) : [];
  const toggle = (email: string, on: boolean) =>
    setPicked((current) => {
      const next = new Set(current);
      if (on) next.add(email);
      else next.delete(email);
      return next;
    });

  const importPicked = (event: FormEvent) => {
    event.preventDefault();
    if (picked.size === 0) return complain(text.pickOne);
    if (floorId === '') return complain(text.pickFloor);
    void submit(async () => {
      const seats = Number(capacity);
      const result = await api.call(exchangeEndpoints.importRooms, {
        body: { floorId, mailboxes: [...picked], ...(Number.isInteger(seats) && seats > 0 ? { capacity: seats } : {}) },
      });
      onDone(result);
    });
  };

  return (
    <form onSubmit={importPicked} noValidate>
      <DialogBody>
        <DialogTitle>{text.title}</DialogTitle>
        <DialogContent className={styles.content}>
          <Text>{text.intro}</Text>
          {state.status === 'loading' ? <LoadingState label={text.loading} /> : null}
          {state.status === 'error' ? <AdminError error={state.error} onRetry={retry} /> : null}
          {state.status === 'success' && available.length === 0 ? <Text role="status">{text.none}</Text> : null}
          {state.status === 'success' && available.length > 0 ? (
            <>
              <Checkbox
                label={text.selectAll}
                checked={picked.size === available.length ? true : picked.size === 0 ? false : 'mixed'}
                onChange={(_e, d) => setPicked(d.checked === true ? new Set(available.map((m) => m.email)) : new Set())}
              />
              <div className={styles.lists} role="group" aria-label={text.listLabel}>
                {byRoomList(state.data).map(([list, mailboxes]) => (
                  <fieldset key={list} className={styles.list}>
                    <legend className={styles.legend}>{text.roomList(list)}</legend>
                    {mailboxes.map((m) => (
                      <Checkbox
                        key={m.email}
                        disabled={m.connected}
                        checked={m.connected || picked.has(m.email)}
                        label={`${text.mailbox(m.name, m.email)}${m.connected ? ` · ${text.connected}` : ''}`}
                        onChange={(_e, d) => toggle(m.email, d.checked === true)}
                      />
                    ))}
                  </fieldset>
                ))}
              </div>
              {floors.length === 0 ? (
                <Text>{text.noFloors}</Text>
              ) : (
                <Field label={text.floor} required>
                  <Select value={floorId} onChange={(_e, d) => setFloorId(d.value)}>
                    {floors.map((f) => (
                      <option key={f.id} value={f.id}>
                        {f.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              <Field label={text.capacity} hint={text.capacityHint}>
                <Input type="number" min={1} value={capacity} onChange={(_e, d) => setCapacity(d.value)} />
              </Field>
            </>
          ) : null}
          {problem !== undefined ? <ProblemNote text={problem} /> : null}
        </DialogContent>
        <DialogActions>
          <DialogTrigger disableButtonEnhancement>
            <Button>{adminStrings.common.cancel}</Button>
          </DialogTrigger>
          <Button
            type="submit"
            appearance="primary"
            disabled={importing || available.length === 0 || floors.length === 0}
          >
            {importing ? text.importing : text.submit(picked.size)}
          </Button>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
