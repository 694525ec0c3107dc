import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import type { Display } from '../../../../../shared/schemas/displays';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { displaysStrings as text } from './strings';

/** Asks before revoking: the tablet stops working at once and needs a new pairing. */
export function RevokeDialog(props: { display: Display; trigger: ReactElement; onRevoked: (said: string) => void }) {
  const { display, trigger, onRevoked } = props;
  const api = useApi();
  const [open, setOpen] = useState(false);
  const { busy, problem, submit } = useSubmit(adminErrorText);

  const revoke = () =>
    void submit(async () => {
      await api.call(displaysEndpoints.revokeDisplay, { params: { id: display.id } });
      setOpen(false);
      onRevoked(text.revoke.done(display.roomName));
    });

  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{text.revoke.title(display.roomName)}</DialogTitle>
          <DialogContent>
            <p>{text.revoke.body}</p>
            {problem !== undefined ? <ProblemNote text={problem} /> : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy} onClick={revoke}>
              {busy ? text.revoke.revoking : text.revoke.confirm}
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{text.revoke.cancel}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
