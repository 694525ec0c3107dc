import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { SendRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { ActionNotes, type ActionNote } from '../components/ActionNotes';
import { strings } from '../strings';
import { useAppointment } from '../useAppointment';

const useStyles = makeStyles({
  bar: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
  },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  hint: { color: tokens.colorNeutralForeground3 },
});

/**
 * Outlook's Send button, for the preview: an add-in cannot send its item, the user does. In the
 * demo the preview's mailbox sends it from the user's mailbox in the simulator.
 */
export function PreviewSendBar({ send }: { send: () => Promise<void> }) {
  const styles = useStyles();
  const { refresh } = useAppointment();
  const [busy, setBusy] = useState(false);
  const [notes, setNotes] = useState<readonly ActionNote[]>([]);

  const onSend = async () => {
    setBusy(true);
    setNotes([]);
    try {
      await send();
      setNotes([{ kind: 'success', text: strings.preview.sent }]);
      await refresh();
    } catch (error: unknown) {
      setNotes([{ kind: 'error', lead: strings.preview.sendFailed, error }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.bar} aria-label={strings.preview.outlookLabel}>
      <div className={styles.row}>
        <Button icon={<SendRegular />} disabled={busy} onClick={() => void onSend()}>
          {busy ? strings.preview.sending : strings.preview.send}
        </Button>
        <Caption1 className={styles.hint}>{strings.preview.sendHint}</Caption1>
      </div>
      <ActionNotes notes={notes} />
    </section>
  );
}
