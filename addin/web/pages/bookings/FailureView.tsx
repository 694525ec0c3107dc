import type { BookingAlternative } from '../../../../shared/schemas/bookings';
import { ProblemNote } from '../../../ui/StatusViews';
import type { BookingFailure } from './bookingErrors';
import { ConflictChoices } from './ConflictChoices';

/** Why a booking request failed: the slot is taken (with choices), or the reason in words. */
export function FailureView({
  failure,
  title,
  actionLabel,
  disabled,
  onChoose,
}: {
  failure: BookingFailure;
  title: string;
  actionLabel: (label: string) => string;
  disabled: boolean;
  onChoose: (alternative: BookingAlternative) => void;
}) {
  if (failure.kind === 'taken')
    return (
      <ConflictChoices conflict={failure.conflict} actionLabel={actionLabel} disabled={disabled} onChoose={onChoose} />
    );
  return <ProblemNote title={title} text={failure.message} />;
}
