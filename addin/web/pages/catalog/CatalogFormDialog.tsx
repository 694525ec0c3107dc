import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { ProblemNote } from '../../../ui/StatusViews';
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
  onSubmit: (event: FormEvent) => void;
  onClose: () => void;
  children: ReactNode;
}) {
  const styles = useStyles();
  return (
    <Dialog open modalType="modal" onOpenChange={(_e, d) => (d.open ? undefined : onClose())}>
      <DialogSurface>
        <form onSubmit={onSubmit} noValidate aria-label={title}>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={styles.form}>
              {problem ? <ProblemNote text={problem} /> : null}
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
