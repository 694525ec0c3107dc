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
  type MessageBarIntent,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useDescribeError, type DescribeError } from './errors';
import { uiStrings } from './strings';

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

export function LoadingState({ label = uiStrings.loading }: { label?: string }) {
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

/**
 * A success or progress note; announced politely to screen readers. `announce={false}` inside a
 * live region that is always there (see the taskpane's ActionNotes), which announces it instead.
 */
export function SuccessNote({ title, text, announce = true }: { title?: string; text: ReactNode; announce?: boolean }) {
  return (
    <MessageBar intent="success" role={announce ? 'status' : undefined} layout="multiline">
      <MessageBarBody>
        {title !== undefined ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {text}
      </MessageBarBody>
    </MessageBar>
  );
}

/** Something the user should know that is not a failure (e.g. an Outlook too old for a feature). */
export function WarningNote({ text }: { text: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A problem in words, announced at once (role=alert), with an optional way out. */
export function ProblemNote({
  title,
  text,
  intent = 'error',
  action,
  announce = true,
}: {
  title?: string;
  text: ReactNode;
  intent?: MessageBarIntent;
  action?: { readonly label: string; readonly onClick: () => void };
  /** false inside a live region that announces it (see SuccessNote). */
  announce?: boolean;
}) {
  return (
    <MessageBar intent={intent} role={announce ? 'alert' : undefined} layout="multiline">
      <MessageBarBody>
        {title !== undefined ? <MessageBarTitle>{title}</MessageBarTitle> : null}
        {text}
      </MessageBarBody>
      {action ? (
        <MessageBarActions>
          <Button onClick={action.onClick}>{action.label}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}

/**
 * A failed call, in the words of the front end around it (see DescribeErrorProvider) unless
 * `describe` says otherwise, with the way out: try again.
 */
export function ErrorState({
  error,
  title = uiStrings.errors.title,
  describe,
  onRetry,
  announce,
}: {
  error: unknown;
  title?: string;
  describe?: DescribeError;
  onRetry?: () => void;
  announce?: boolean;
}) {
  const describeHere = useDescribeError();
  return (
    <ProblemNote
      announce={announce}
      title={title}
      text={(describe ?? describeHere)(error)}
      action={onRetry ? { label: uiStrings.errors.retry, onClick: onRetry } : undefined}
    />
  );
}
