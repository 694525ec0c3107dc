import { Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { TimeField } from '../../../ui/TimeField';
import { bookingStrings } from './strings';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 120px), 1fr))',
    gap: tokens.spacingHorizontalM,
    '& > *': { minWidth: 0 },
    '& .fui-Input': { minWidth: 0, width: '100%' },
  },
});

export interface TimeValue {
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

/** Date, start and end on the user's wall clock; wraps to one per line on a narrow screen. */
export function TimeFields({
  value,
  problem,
  disabled,
  onChange,
}: {
  value: TimeValue;
  problem: string | undefined;
  disabled?: boolean;
  onChange: (change: Partial<TimeValue>) => void;
}) {
  const styles = useStyles();
  const state = problem === undefined ? undefined : 'error';
  return (
    <div className={styles.row}>
      <Field label={bookingStrings.date} required validationState={state}>
        <Input type="date" value={value.date} disabled={disabled} onChange={(_e, d) => onChange({ date: d.value })} />
      </Field>
      <Field label={bookingStrings.start} required validationState={state}>
        <TimeField value={value.start} disabled={disabled} onChange={(start) => onChange({ start })} />
      </Field>
      <Field label={bookingStrings.end} required validationState={state} validationMessage={problem}>
        <TimeField value={value.end} disabled={disabled} onChange={(end) => onChange({ end })} />
      </Field>
    </div>
  );
}
