import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { BookingAlternative, BookingConflict } from '../../../../shared/schemas/bookings';
import { formatClock } from '../../../ui/time';
import { formatWhen } from './format';
import { bookingStrings } from './strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  choice: { width: '100%', justifyContent: 'flex-start', textAlign: 'start' },
});

/** "09:00–10:00: held by Olga Organizer (Budget review)."; only holders whose name the API sent. */
export function holderLines(conflict: BookingConflict): string[] {
  return (conflict.heldBy ?? []).flatMap((holder) =>
    holder.organizer === null
      ? []
      : [
          bookingStrings.heldBy(
            `${formatClock(holder.start)}–${formatClock(holder.end)}`,
            holder.organizer,
            holder.subject,
          ),
        ],
  );
}

export function alternativeLabel(alternative: BookingAlternative): string {
  return alternative.kind === 'other-room'
    ? bookingStrings.otherRoom(
        alternative.roomName,
        `${formatClock(alternative.start)}–${formatClock(alternative.end)}`,
      )
    : bookingStrings.otherTime(alternative.roomName, formatWhen(alternative.start, alternative.end));
}

/** A 409: when the room is taken, and what is free instead, each one click away. */
export function ConflictChoices({
  conflict,
  actionLabel,
  disabled,
  onChoose,
}: {
  conflict: BookingConflict;
  /** The accessible name of a choice, e.g. "Book Harbour, 09:00–10:00". */
  actionLabel: (label: string) => string;
  disabled: boolean;
  onChoose: (alternative: BookingAlternative) => void;
}) {
  const styles = useStyles();
  const titleId = useId();
  const ranges = conflict.conflicts.map((c) => `${formatClock(c.start)}–${formatClock(c.end)}`).join(', ');
  return (
    <div className={styles.root}>
      <MessageBar intent="warning" role="alert" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{bookingStrings.conflictTitle}</MessageBarTitle>
          {ranges === '' ? null : bookingStrings.conflictTimes(ranges)}
          {holderLines(conflict).map((line) => (
            <div key={line}>{line}</div>
          ))}
        </MessageBarBody>
      </MessageBar>
      {conflict.alternatives.length === 0 ? (
        <Text>{bookingStrings.noAlternatives}</Text>
      ) : (
        <>
          <Text weight="semibold" id={titleId}>
            {bookingStrings.alternativesLabel}
          </Text>
          <ul className={styles.list} aria-labelledby={titleId}>
            {conflict.alternatives.map((alternative) => {
              const label = alternativeLabel(alternative);
              return (
                <li key={`${alternative.roomId}|${alternative.start}`}>
                  <Button
                    className={styles.choice}
                    aria-label={actionLabel(label)}
                    disabled={disabled}
                    onClick={() => onChoose(alternative)}
                  >
                    {label}
                  </Button>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </div>
  );
}
