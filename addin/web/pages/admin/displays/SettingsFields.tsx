import { Checkbox, Field, Input, Text, makeStyles, tokens } from '@fluentui/react-components';
import { complaint, type FormProblems } from '../apiErrors';
import { BOOK_NOW_CHOICES, toggleChoice, type BookNowMinutes, type MinuteField } from './settingsDraft';
import { displaysStrings as text } from './strings';

const useStyles = makeStyles({
  minutes: { maxWidth: '8em' },
  choices: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL },
  group: { margin: 0, padding: 0, border: 'none', minWidth: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightRegular },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

const LABELS: Record<MinuteField, string> = {
  checkInWindowBeforeMinutes: text.settings.windowBefore,
  checkInWindowAfterMinutes: text.settings.windowAfter,
  releaseAfterMinutes: text.settings.releaseAfter,
};

/** A number of minutes; `hint` says what an empty field means where it may be empty. */
export function MinutesField(props: {
  field: MinuteField;
  value: string;
  hint?: string | undefined;
  problems: FormProblems;
  onChange: (value: string) => void;
}) {
  const styles = useStyles();
  const { field, value, hint, problems, onChange } = props;
  return (
    <Field label={LABELS[field]} hint={hint} {...complaint(problems, field)}>
      <Input
        className={styles.minutes}
        type="number"
        inputMode="numeric"
        min={0}
        max={60}
        value={value}
        onChange={(_e, d) => onChange(d.value)}
      />
    </Field>
  );
}

/** Which durations book now offers: at least one. */
export function BookNowChoices(props: {
  label: string;
  value: readonly BookNowMinutes[];
  problems: FormProblems;
  onChange: (value: BookNowMinutes[]) => void;
}) {
  const styles = useStyles();
  const { label, value, problems, onChange } = props;
  const problem = problems.fields.bookNowOptions;
  return (
    // A fieldset, not a Field: a Field would give every checkbox the group's label as its name.
    <fieldset className={styles.group} aria-invalid={problem === undefined ? undefined : true}>
      <legend className={styles.legend}>{label}</legend>
      <div className={styles.choices}>
        {BOOK_NOW_CHOICES.map((choice) => (
          <Checkbox
            key={String(choice)}
            label={text.settings.durations[choice]}
            checked={value.includes(choice)}
            onChange={(_e, d) => onChange(toggleChoice(value, choice, d.checked === true))}
          />
        ))}
      </div>
      {problem === undefined ? null : <Text className={styles.problem}>{problem}</Text>}
    </fieldset>
  );
}
