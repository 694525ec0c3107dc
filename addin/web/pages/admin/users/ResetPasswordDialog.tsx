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
import { useState, type ReactElement } from 'react';
import { usersEndpoints } from '../../../../../shared/api/users';
import type { User } from '../../../../../shared/schemas/auth';
import { useApi } from '../../../../ui/hooks/useApi';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { ProblemNote } from '../../../../ui/StatusViews';
import { adminErrorText } from '../apiErrors';
import { usersStrings as text } from './strings';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  password: { fontFamily: tokens.fontFamilyMonospace },
});

/**
 * Asks first, then shows the new password once. Closing the dialog forgets it: the server keeps
 * only its hash, so nobody can look it up again.
 */
export function ResetPasswordDialog({ user, trigger }: { user: User; trigger: ReactElement }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_e, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>{trigger}</DialogTrigger>
      <DialogSurface>{open ? <ResetBody user={user} onClose={() => setOpen(false)} /> : null}</DialogSurface>
    </Dialog>
  );
}

function ResetBody({ user, onClose }: { user: User; onClose: () => void }) {
  const styles = useStyles();
  const api = useApi();
  const [password, setPassword] = useState<string>();
  const [copied, setCopied] = useState(false);
  const { busy, problem, submit } = useSubmit(adminErrorText);

  const reset = () =>
    void submit(async () => {
      const answer = await api.call(usersEndpoints.resetPassword, { params: { id: user.id } });
      setPassword(answer.temporaryPassword);
    });

  const copy = async (value: string) => {
    await navigator.clipboard.writeText(value);
    setCopied(true);
  };

  if (password !== undefined) {
    return (
      <DialogBody>
        <DialogTitle>{text.resetTitle(user.name)}</DialogTitle>
        <DialogContent className={styles.content}>
          <Text>{text.resetIntro}</Text>
          <Field label={text.newPassword}>
            <Input readOnly value={password} className={styles.password} />
          </Field>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => void copy(password)}>{copied ? text.copied : text.copy}</Button>
          <Button appearance="primary" onClick={onClose}>
            {text.close}
          </Button>
        </DialogActions>
      </DialogBody>
    );
  }
  return (
    <DialogBody>
      <DialogTitle>{text.resetConfirmTitle(user.name)}</DialogTitle>
      <DialogContent className={styles.content}>
        <Text>{text.resetConfirm}</Text>
        {problem !== undefined ? <ProblemNote text={problem} /> : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{text.cancel}</Button>
        <Button appearance="primary" disabled={busy} onClick={reset}>
          {busy ? text.resetting : text.resetPassword}
        </Button>
      </DialogActions>
    </DialogBody>
  );
}
