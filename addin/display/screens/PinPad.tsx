import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { BackspaceRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { displayStrings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '1vmin', alignItems: 'stretch', minWidth: 0 },
  heading: { margin: 0, fontSize: '3.2vmin', fontWeight: tokens.fontWeightSemibold },
  dots: { fontSize: '4vmin', letterSpacing: '1vmin', minHeight: '5vmin', textAlign: 'center' },
  keys: { display: 'grid', gridTemplateColumns: 'repeat(3, 1fr)', gap: '1vmin' },
  key: { minHeight: '7vmin', fontSize: '3.4vmin', minWidth: 0 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1, fontSize: '2.6vmin' },
});

export interface PinPadProps {
  readonly problem: string | null;
  readonly onEnter: (pin: string) => void;
  readonly onCancel: () => void;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A big keypad for the display's PIN (4–8 digits); the digits are never shown, only dots. */
export function PinPad({ problem, onEnter, onCancel }: PinPadProps) {
  const styles = useStyles();
  const [pin, setPin] = useState('');
  const press = (digit: string): void => setPin((p) => (p.length < 8 ? p + digit : p));
  return (
    <div className={styles.root} role="group" aria-label={displayStrings.pin.heading}>
      <p className={styles.heading}>{displayStrings.pin.heading}</p>
      {problem && (
        <p role="alert" className={styles.problem}>
          {problem}
        </p>
      )}
      <div className={styles.dots} aria-label={displayStrings.pin.label} aria-live="polite">
        {'•'.repeat(pin.length) || '\u00a0'}
      </div>
      <div className={styles.keys}>
        {DIGITS.map((d) => (
          <Button key={d} className={styles.key} onClick={() => press(d)}>
            {d}
          </Button>
        ))}
        <Button
          className={styles.key}
          icon={<BackspaceRegular />}
          aria-label={displayStrings.pin.clear}
          onClick={() => setPin('')}
        />
        <Button className={styles.key} onClick={() => press('0')}>
          0
        </Button>
        <Button className={styles.key} appearance="primary" disabled={pin.length < 4} onClick={() => onEnter(pin)}>
          {displayStrings.pin.ok}
        </Button>
      </div>
      <Button className={styles.key} appearance="subtle" onClick={onCancel}>
        {displayStrings.actions.cancel}
      </Button>
    </div>
  );
}
