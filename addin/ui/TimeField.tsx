import { Input, makeStyles } from '@fluentui/react-components';
import { useId, useState } from 'react';
import { parseTimeText, timeChoices } from './time';

const useStyles = makeStyles({
  // Inside a narrow grid cell the field shrinks with it instead of pushing the page sideways.
  root: { minWidth: 0, width: '100%' },
});

const CHOICES = timeChoices(15);

export interface TimeFieldProps {
  /** "HH:MM" on the 24-hour clock (or what the user is still typing). */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly disabled?: boolean;
  readonly required?: boolean;
}

/**
 * A time on the 24-hour clock: typed ("930", "15.45", "3 pm" all become 24-hour times) or picked
 * from suggestions in 15-minute steps. It replaces <input type="time">, which Chromium draws in
 * the browser's language ("03:00 PM" for US English) whatever the page's lang says, so every
 * user reads 15:00 here as on the rest of Roomserve. The label comes from the surrounding Field.
 */
export function TimeField({ value, onChange, disabled, required }: TimeFieldProps) {
  const styles = useStyles();
  const listId = useId();
  const [text, setText] = useState(value);
  const [lastValue, setLastValue] = useState(value);
  // A value set from outside (reset, an alternative chosen) replaces what was typed; the value
  // our own typing produced does not (React's "adjust state when a prop changes" pattern).
  if (value !== lastValue) {
    setLastValue(value);
    if ((parseTimeText(text) ?? text) !== value) setText(value);
  }
  return (
    <>
      <Input
        className={styles.root}
        value={text}
        disabled={disabled}
        required={required}
        autoComplete="off"
        placeholder="HH:MM"
        input={{ list: listId }}
        onChange={(_e, d) => {
          setText(d.value);
          onChange(parseTimeText(d.value) ?? d.value);
        }}
        onBlur={() => {
          const parsed = parseTimeText(text);
          if (parsed !== undefined) setText(parsed);
        }}
      />
      <datalist id={listId}>
        {CHOICES.map((choice) => (
          <option key={choice} value={choice} />
        ))}
      </datalist>
    </>
  );
}
