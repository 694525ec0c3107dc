import { Field, MessageBar, MessageBarBody, ProgressBar, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { SyncRunView } from '../../../../../shared/schemas/integration';
import { adminStrings } from '../strings';

const useStyles = makeStyles({
  box: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow2,
  },
});

const text = adminStrings.integration;

/** A manual sync's progress while it runs, then its result; rooms that failed say why. */
export function SyncProgress({ run }: { run: SyncRunView }) {
  const styles = useStyles();
  const finished = run.finishedAt !== null;
  const settled = run.completed + run.failed;
  const problems = run.rooms.filter((room) => room.state === 'failed' || room.state === 'elsewhere');
  const summary = finished
    ? text.finished(run.completed, run.total)
    : `${text.progress(run.completed, run.total)}${run.failed > 0 ? ` · ${text.progressFailed(run.failed)}` : ''}`;
  return (
    <section className={styles.box} aria-label={text.progressLabel}>
      {finished ? null : (
        <Field label={text.progressLabel} validationState="none">
          <ProgressBar value={run.total === 0 ? 1 : settled / run.total} max={1} thickness="large" />
        </Field>
      )}
      <Text role="status" aria-live="polite">
        {summary}
        {finished && run.failed > 0 ? ` ${text.progressFailed(run.failed)}.` : null}
      </Text>
      {problems.length > 0 ? (
        <MessageBar intent={run.failed > 0 ? 'error' : 'info'} layout="multiline">
          <MessageBarBody>
            {problems.map((room) => (
              <div key={room.roomId}>
                {room.state === 'elsewhere'
                  ? text.elsewhere(room.name)
                  : text.roomFailed(room.name, room.error ?? adminStrings.exchange.testFailed)}
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      ) : null}
    </section>
  );
}
