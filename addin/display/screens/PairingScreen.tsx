import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { formatPairingCode, looksLikePairingCode, normalizePairingCode } from '../model/pairingCode';
import { displayStrings } from '../strings';

const useStyles = makeStyles({
  root: {
    boxSizing: 'border-box',
    width: '100vw',
    height: '100dvh',
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    padding: '4vmin',
    color: tokens.colorNeutralForeground1,
    lineHeight: 1.25,
  },
  form: { display: 'flex', flexDirection: 'column', gap: '2.5vmin', width: 'min(90vw, 90vmin)', minWidth: 0 },
  heading: { margin: 0, fontSize: '7vmin', fontWeight: tokens.fontWeightBold },
  intro: { margin: 0, fontSize: '3.4vmin', color: tokens.colorNeutralForeground2 },
  label: { fontSize: '3vmin', fontWeight: tokens.fontWeightSemibold },
  input: {
    boxSizing: 'border-box',
    width: '100%',
    fontSize: '8vmin',
    letterSpacing: '1vmin',
    textAlign: 'center',
    fontFamily: tokens.fontFamilyMonospace,
    padding: '1.5vmin',
    borderRadius: '1.5vmin',
    border: `3px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    textTransform: 'uppercase',
  },
  submit: { minHeight: '9vmin', fontSize: '4vmin', borderRadius: '1.5vmin' },
  problem: {
    margin: 0,
    fontSize: '3.2vmin',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorPaletteRedForeground1,
  },
});

export interface PairingScreenProps {
  /** From `?code=`: paired at once. */
  readonly initialCode: string | null;
  /** Why the display is here again (it was unpaired), or null. */
  readonly notice: string | null;
  readonly pair: (code: string) => Promise<void>;
}

function pairingProblem(error: unknown): string {
  const words = displayStrings.pairing;
  if (!isApiError(error)) return words.wrongCode;
  if (error.status === 429) return words.tooMany;
  if (error.status === 0) return words.unreachable;
  if (error.status >= 500) return words.unreachable;
  return words.wrongCode;
}

/** The code entry of an unpaired tablet: case, spaces and the dash do not matter. */
export function PairingScreen({ initialCode, notice, pair }: PairingScreenProps) {
  const styles = useStyles();
  const words = displayStrings.pairing;
  const [code, setCode] = useState(initialCode ? formatPairingCode(initialCode) : '');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(notice);
  const started = useRef(false);

  const submit = async (typed: string): Promise<void> => {
    if (!looksLikePairingCode(typed)) {
      setProblem(words.notACode);
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      await pair(normalizePairingCode(typed));
    } catch (error) {
      setProblem(pairingProblem(error));
      setBusy(false);
    }
  };

  useEffect(() => {
    if (!initialCode || started.current) return;
    started.current = true;
    void submit(initialCode);
    // The address's code is tried once, when the page opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initialCode]);

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void submit(code);
  };

  return (
    <main className={styles.root}>
      <form className={styles.form} onSubmit={onSubmit} aria-label={words.heading}>
        <h1 className={styles.heading}>{words.heading}</h1>
        <p className={styles.intro}>{words.intro}</p>
        <label className={styles.label} htmlFor="pairing-code">
          {words.codeLabel}
        </label>
        <input
          id="pairing-code"
          className={styles.input}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          maxLength={16}
          placeholder="K7QM-XW3P"
        />
        {problem && (
          <p role="alert" className={styles.problem}>
            {problem}
          </p>
        )}
        <Button type="submit" appearance="primary" size="large" className={styles.submit} disabled={busy}>
          {busy ? <Spinner size="small" label={words.pairing} /> : words.submit}
        </Button>
      </form>
    </main>
  );
}
