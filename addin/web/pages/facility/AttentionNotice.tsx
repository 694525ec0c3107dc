import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { AttentionReason } from '../../../../shared/schemas/orders';
import { facilityStrings as text } from './strings';

export type AttentionAction = 'follow-event' | 'keep';

/** Why the order did not follow its meeting, and the two ways to settle it. */
export function AttentionNotice({
  reasons,
  subject,
  disabled,
  noPrintClass,
  onResolve,
}: {
  reasons: readonly AttentionReason[];
  subject: string;
  disabled: boolean;
  noPrintClass: string;
  onResolve: (action: AttentionAction) => void;
}) {
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{text.attention.flag}</MessageBarTitle>
        <ul aria-label={text.attention.reasonsLabel}>
          {reasons.map((reason) => (
            <li key={reason}>{text.attention.reason[reason]}</li>
          ))}
        </ul>
      </MessageBarBody>
      <MessageBarActions className={noPrintClass}>
        <Button
          size="small"
          disabled={disabled}
          aria-label={text.attention.followEventFor(subject)}
          onClick={() => onResolve('follow-event')}
        >
          {text.attention.followEvent}
        </Button>
        <Button
          size="small"
          disabled={disabled}
          aria-label={text.attention.keepFor(subject)}
          onClick={() => onResolve('keep')}
        >
          {text.attention.keep}
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
