import { Checkbox, Text, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  group: { border: 'none', margin: 0, padding: 0 },
  legend: { padding: 0, marginBottom: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
  boxes: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalM },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export interface CheckboxGroupProps<T extends string> {
  readonly legend: string;
  readonly options: readonly T[];
  readonly labelOf: (option: T) => string;
  readonly chosen: readonly T[];
  readonly onToggle: (option: T, on: boolean) => void;
  readonly problem: string | undefined;
}

/**
 * A set of checkboxes under one legend. Not a Fluent <Field>: a Field hands its one control id
 * to every checkbox inside, and each label would then toggle the first box.
 */
export function CheckboxGroup<T extends string>({
  legend,
  options,
  labelOf,
  chosen,
  onToggle,
  problem,
}: CheckboxGroupProps<T>) {
  const styles = useStyles();
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>{legend}</legend>
      <div className={styles.boxes}>
        {options.map((option) => (
          <Checkbox
            key={option}
            label={labelOf(option)}
            checked={chosen.includes(option)}
            onChange={(_e, d) => onToggle(option, d.checked === true)}
          />
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
