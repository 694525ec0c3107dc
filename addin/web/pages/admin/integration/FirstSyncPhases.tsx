import { Field, ProgressBar, makeStyles, tokens } from '@fluentui/react-components';
import type { FirstSyncProgress } from '../../../../../shared/schemas/integration';
import { adminStrings } from '../strings';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(280px, 1fr))',
    gap: tokens.spacingHorizontalL,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
});

const text = adminStrings.integration.firstSync;
const share = (done: number, total: number): number => (total === 0 ? 1 : done / total);

/**
 * The first sync in its two phases: phase 1 makes every room searchable with correct availability
 * from its own calendar; phase 2 then fills in the organizers' details in the background.
 */
export function FirstSyncPhases({ progress }: { progress: FirstSyncProgress }) {
  const styles = useStyles();
  const { phase1, phase2 } = progress;
  return (
    <section className={styles.box} aria-label={text.label}>
      <Field label={text.phase1} hint={text.phase1Status(phase1.done, phase1.total)} validationState="none">
        <ProgressBar value={share(phase1.done, phase1.total)} max={1} thickness="large" />
      </Field>
      <Field
        label={text.phase2}
        hint={text.phase2Status(phase2.done, phase2.total, phase2.bookingsPending)}
        validationState="none"
      >
        <ProgressBar value={share(phase2.done, phase2.total)} max={1} thickness="large" />
      </Field>
    </section>
  );
}
