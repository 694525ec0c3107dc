import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  DialogTrigger,
  Field,
  Input,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent, type ReactElement } from 'react';
import { displaysEndpoints } from '../../../../../shared/api/displays';
import type { Display } from '../../../../../shared/schemas/displays';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { displaysStrings as text } from './strings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  pin: { fontFamily: tokens.fontFamilyMonospace, maxWidth: '12em' },
});

const PIN = /^\d{4,8}$/;

/** Sets a new PIN or clears it; the current one is never shown (the server keeps only its hash). */
export function PinDialog(props: { display: Display; trigger: ReactElement; onSaved: (said: string) => void }) {
  const { display, trigger, onSaved } = props;
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>
        {open ? (
          <PinForm
            display={display}
            onSaved={(said) => {
              setOpen(false);
              onSaved(said);
            }}
          />
        ) : null}
      </DialogSurface>
    </Dialog>
  );
}

function PinForm({ display, onSaved }: { display: Display; onSaved: (said: string) => void }) {
  const styles = useStyles();
  const api = useApi();
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);
  const { busy, problem, submit } = useSubmit(adminErrorText);

  const save = (value: string | null, said: string) =>
    void submit(async () => {
      await api.call(displaysEndpoints.setDisplayPin, { params: { id: display.id }, body: { pin: value } });
      onSaved(said);
    });

  const setNew = (event: FormEvent) => {
    event.preventDefault();
    const typed = pin.trim();
    setInvalid(!PIN.test(typed));
    if (PIN.test(typed)) save(typed, text.pin.saved(display.roomName));
  };

  return (
    <form onSubmit={setNew} noValidate aria-label={text.pin.title(display.roomName)}>
      <DialogBody>
        <DialogTitle>{text.pin.title(display.roomName)}</DialogTitle>
        <DialogContent className={styles.content}>
          <Text>{text.pin.intro}</Text>
          <Field
            label={text.pin.field}
            hint={text.pin.hint}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid ? text.pin.invalid : undefined}
          >
            <Input
              className={styles.pin}
              inputMode="numeric"
              autoComplete="off"
              maxLength={8}
              value={pin}
              onChange={(_e, d) => setPin(d.value)}
            />
          </Field>
          {problem !== undefined ? <ProblemNote text={problem} /> : null}
        </DialogContent>
        <DialogActions>
          <Button type="submit" appearance="primary" disabled={busy}>
            {busy ? text.pin.saving : text.pin.save}
          </Button>
          {display.pinSet ? (
            <Button disabled={busy} onClick={() => save(null, text.pin.cleared(display.roomName))}>
              {text.pin.clear}
            </Button>
          ) : null}
          <DialogTrigger disableButtonEnhancement>
            <Button>{text.pin.cancel}</Button>
          </DialogTrigger>
        </DialogActions>
      </DialogBody>
    </form>
  );
}
