import { Input } from '@fluentui/react-components';
import { useState } from 'react';

export interface CountInputProps {
  readonly value: number;
  readonly min: number;
  readonly max: number;
  readonly onChange: (value: number) => void;
  readonly id?: string;
  readonly 'aria-label'?: string;
  readonly className?: string;
}

/**
 * A whole-number input that lets the field be empty while the user retypes it, and reports only
 * valid numbers (a controlled number input would snap back to the old value on every keystroke).
 */
export function CountInput({ value, min, max, onChange, ...rest }: CountInputProps) {
  const [text, setText] = useState(String(value));
  const [reported, setReported] = useState(value);
  if (value !== reported) {
    // Changed from outside (a reset, an order to edit): show the new value.
    setReported(value);
    setText(String(value));
  }
  return (
    <Input
      {...rest}
      type="number"
      min={min}
      max={max}
      inputMode="numeric"
      value={text}
      onChange={(_e, d) => {
        setText(d.value);
        const n = Number(d.value);
        if (d.value !== '' && Number.isInteger(n) && n >= min && n <= max) {
          setReported(n);
          onChange(n);
        }
      }}
    />
  );
}
