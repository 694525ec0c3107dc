import { makeStyles, tokens } from '@fluentui/react-components';
import { ErrorState, SuccessNote } from '../../ui/StatusViews';

export type ActionNote =
  | { readonly kind: 'success'; readonly text: string }
  | { readonly kind: 'error'; readonly lead: string; readonly error: unknown };

const useStyles = makeStyles({
  region: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

/**
 * What an action said, shown right beside the button that started it (so it is in sight) and
 * announced to screen readers: the two live regions are always in the page, because content added
 * together with its live region is not reliably read out.
 */
export function ActionNotes({ notes }: { notes: readonly ActionNote[] }) {
  const styles = useStyles();
  return (
    <div className={styles.region}>
      <div className={styles.region} role="status" aria-live="polite">
        {notes.map((note, i) =>
          note.kind === 'success' ? <SuccessNote key={i} text={note.text} announce={false} /> : null,
        )}
      </div>
      <div className={styles.region} role="alert" aria-live="assertive">
        {notes.map((note, i) =>
          note.kind === 'error' ? <ErrorState key={i} title={note.lead} error={note.error} announce={false} /> : null,
        )}
      </div>
    </div>
  );
}
