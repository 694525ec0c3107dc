import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { catalogStrings as text } from './strings';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** The modal form both catalog editors use: title, the server's complaint if any, fields, save and cancel. */
export function CatalogFormDialog({
  title,
  problem,
  saving,
  onSubmit,
  onClose,
  children,
}: {
  title: string;
  problem: string | undefined;
  saving: boolean;
  onSubmit: (event: FormEvent) => Promise<void>;
  onClose: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label={title}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {problem ? (
                <MessageBar intent="error" role="alert">
                  <MessageBarBody>{problem}</MessageBarBody>
                </MessageBar>
              ) : null}
              {children}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary" disabled={saving}>
                {saving ? text.saving : text.save}
              </Button>
              <Button onClick={onClose}>{text.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
