import { Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { WEEKDAYS } from '../../../../shared/schemas/locations';
import { catalogStrings as text } from './strings';
import { parseDay, type WeekText } from './weekHours';

const useStyles = makeStyles({
  group: {
    border: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface WeekHoursFieldProps {
  readonly label: string;
  readonly hint: string;
  readonly value: WeekText;
  readonly onChange: (value: WeekText) => void;
  readonly problem: string | undefined;
}

/** One line of intervals per weekday; a line that does not parse is marked where it is. */
export function WeekHoursField({ label, hint, value, onChange, problem }: WeekHoursFieldProps) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{label}</legend>
      <Text size={200}>{hint}</Text>
      <div className={styles.grid}>
        {WEEKDAYS.map((day) => (
          <Field
            key={day}
            label={text.weekdays[day]}
            orientation="horizontal"
            validationState={parseDay(value[day]) === undefined ? 'error' : 'none'}
          >
            <Input
              value={value[day]}
              placeholder="07:00-18:00"
              onChange={(_e, d) => onChange({ ...value, [day]: d.value })}
            />
          </Field>
        ))}
      </div>
      {problem === undefined ? null : (
        <Text role="alert" size={200} className={styles.problem}>
          {problem}
        </Text>
      )}
    </fieldset>
  );
}
