import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Text,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { externalsEndpoints } from '../../../../../shared/api/externals';
import type { External } from '../../../../../shared/schemas/externals';
import { useApi } from '../../../../ui/hooks/useApi';
import { useAsync } from '../../../../ui/hooks/useAsync';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { LoadingState, ProblemNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { externalsStrings as text } from './strings';

export interface Deactivated {
  readonly cancelled: number;
  readonly failed: number;
}

/** Who is deactivated: an external's row on Admin → Externals, or an external user on Admin → Users. */
export type DeactivatedPerson = Pick<External, 'id' | 'name'>;

/** Names how many future bookings deactivation cancels before the admin confirms it (Admin → Externals and → Users). */
export function DeactivateDialog({
  external,
  trigger,
  onDone,
}: {
  external: DeactivatedPerson;
  trigger: ReactElement;
  onDone: (result: Deactivated) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        {open ? (
          <DeactivateBody
            external={external}
            onClose={() => setOpen(false)}
            onDone={(result) => {
              setOpen(false);
              onDone(result);
            }}
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

function DeactivateBody({
  external,
  onClose,
  onDone,
}: {
  external: DeactivatedPerson;
  onClose: () => void;
  onDone: (result: Deactivated) => void;
}) {
  const api = useApi();
  const preview = useAsync(`deactivation:${external.id}`, (signal) =>
    api.call(externalsEndpoints.deactivationPreview, { params: { id: external.id }, signal }),
  );
  const { busy, problem, submit } = useSubmit(adminErrorText);
  const count = preview.state.status === 'success' ? preview.state.data.futureBookings : undefined;

  const confirm = () =>
    void submit(async () => onDone(await api.call(externalsEndpoints.deactivate, { params: { id: external.id } })));

  return (
    <DialogBody>
      <DialogTitle>{text.deactivate.title(external.name)}</DialogTitle>
      <DialogContent>
        {preview.state.status === 'loading' ? <LoadingState label={text.deactivate.counting} /> : null}
        {preview.state.status === 'error' ? <ProblemNote text={adminErrorText(preview.state.error)} /> : null}
        {count !== undefined ? <Text>{text.deactivate.consequence(count)}</Text> : null}
        {problem !== undefined ? <ProblemNote text={problem} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{text.deactivate.cancel}</Button>
        <Button appearance="primary" disabled={busy || count === undefined} onClick={confirm}>
          {busy ? text.deactivate.working : text.deactivate.confirm(count ?? 0)}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
