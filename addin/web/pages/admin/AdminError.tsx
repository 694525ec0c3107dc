import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { strings } from '../../strings';
import { adminErrorText } from './apiErrors';

/** A failed call on an admin page, in the server's words where they are meant for the admin. */
export function AdminError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <MessageBar intent="error" role="alert" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{strings.errors.title}</MessageBarTitle>
        {adminErrorText(error)}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button onClick={onRetry}>{strings.errors.retry}</Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
