import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeError } from '../errors';
import { strings } from '../strings';

/** A success or progress note; announced politely to screen readers. */
export function SuccessNote({ text }: { text: string }) {
  return (
    <MessageBar intent="success" role="status" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}

/** A failure from the server or from Outlook, in the pane's words, with an optional way out. */
export function ErrorNote({ error, lead, onRetry }: { error: unknown; lead?: string; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{lead ?? strings.errors.title}</MessageBarTitle>
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

/** Something the user should know that is not a failure (e.g. an Outlook too old for a feature). */
export function WarningNote({ text }: { text: string }) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
}
