import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Textarea,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { facilityStrings as text } from './strings';

/** Declining needs a reason: the orderer is told why their catering will not come. */
export function DeclineDialog({
  subject,
  disabled,
  onDecline,
}: {
  subject: string;
  disabled: boolean;
  onDecline: (reason: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const missing = reason.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (missing) return;
    setOpen(false);
    onDecline(reason.trim());
  };

  return (
    <>
      <Button
        appearance="subtle"
        disabled={disabled}
        aria-label={text.decline.buttonFor(subject)}
        onClick={() => {
          setReason('');
          setTried(false);
          setOpen(true);
        }}
      >
        {text.decline.button}
      </Button>
      {open ? (
        <Dialog open modalType="modal" onOpenChange={(_event, data) => setOpen(data.open)}>
          <DialogSurface>
            <form noValidate onSubmit={submit}>
              <DialogBody>
                <DialogTitle>{text.decline.title}</DialogTitle>
                <DialogContent>
                  <Field
                    label={text.decline.reason}
                    required
                    validationMessage={tried && missing ? text.decline.reasonRequired : undefined}
                  >
                    <Textarea value={reason} maxLength={500} onChange={(_e, data) => setReason(data.value)} />
                  </Field>
                </DialogContent>
                <DialogActions>
                  <Button onClick={() => setOpen(false)}>{text.decline.cancel}</Button>
                  <Button type="submit" appearance="primary">
                    {text.decline.confirm}
                  </Button>
                </DialogActions>
              </DialogBody>
            </form>
          </DialogSurface>
        </Dialog>
      ) : null}
    </>
  );
}
