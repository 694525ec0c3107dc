import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { describeError } from '../errors';
import { strings } from '../strings';

const useStyles = makeStyles({
  centered: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: 'center',
  },
});

export function LoadingState({ label = strings.loading }: { label?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.centered}>
      <Spinner label={label} labelPosition="below" />
    </div>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.centered} role="status">
      <Text weight="semibold" size={400}>
        {title}
      </Text>
      {hint ? <Text>{hint}</Text> : null}
    </div>
  );
}

/** A failed load, with the way out: try again. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.errors.title}</MessageBarTitle>
        {describeError(error)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{strings.errors.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
