import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';
import type { DisplayState } from '../../../shared/schemas/displays';
import type { ClockView } from '../model/clockState';
import { actionProblem, type ActionProblem } from '../model/actionError';
import { newRequestId } from '../model/requestId';
import type { ActionResult, BookNowMinutes, DisplayAction } from '../live/displayApi';
import { displayStrings } from '../strings';
import { PinPad } from './PinPad';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: '1.2vmin', minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: '1.2vmin' },
  action: {
    minHeight: '8vmin',
    minWidth: '18vmin',
    fontSize: '3.2vmin',
    paddingInline: '3vmin',
    borderRadius: '1.2vmin',
    flexGrow: 1,
  },
  prompt: { margin: 0, fontSize: '3vmin', fontWeight: tokens.fontWeightSemibold },
  message: { margin: 0, fontSize: '2.8vmin', display: 'flex', alignItems: 'center', gap: '1vmin' },
  problem: { margin: 0, fontSize: '2.8vmin', fontWeight: tokens.fontWeightSemibold },
  nearby: { margin: 0, paddingInlineStart: '3vmin', fontSize: '2.6vmin' },
});

type ActionKind = DisplayAction['kind'];
/** The PIN typed for this one action (null without one): the next person at the door types it again. */
type Pin = string | null;
type Step =
  | { readonly kind: 'idle' }
  | { readonly kind: 'pin'; readonly then: ActionKind; readonly problem: string | null }
  | { readonly kind: 'choose-book'; readonly pin: Pin }
  | { readonly kind: 'confirm-end'; readonly pin: Pin }
  | { readonly kind: 'choose-extend'; readonly pin: Pin }
  | { readonly kind: 'sending'; readonly action: DisplayAction }
  | { readonly kind: 'done'; readonly action: DisplayAction; readonly outcome: 'pending' | 'confirmed' }
  | { readonly kind: 'failed'; readonly problem: ActionProblem; readonly action: DisplayAction };

export interface ActionPanelProps {
  readonly state: DisplayState;
  readonly view: ClockView;
  readonly online: boolean;
  readonly act: (action: DisplayAction, requestId: string, pin: string | null) => Promise<ActionResult>;
}

const CONFIRMED_SHOWN_MS = 6_000;

/**
 * The display's actions, each in at most two touches: book now (then a duration), check in (one
 * touch), end (then confirm), extend (then 15 or 30). With a PIN, the keypad comes first. A tap
 * sends once: the buttons are disabled while a request is in flight, and each send has its own id.
 */
export function ActionPanel({ state, view, online, act }: ActionPanelProps) {
  const styles = useStyles();
  const words = displayStrings.actions;
  const [step, setStep] = useState<Step>({ kind: 'idle' });

  // Pending turns confirmed when the room's answer arrives with a later state.
  const currentStatus = view.current?.status ?? null;
  const outcome =
    step.kind === 'done' && step.outcome === 'pending' && currentStatus === 'confirmed' ? 'confirmed' : null;
  const shownOutcome = step.kind === 'done' ? (outcome ?? step.outcome) : null;
  useEffect(() => {
    if (shownOutcome !== 'confirmed') return undefined;
    const timer = setTimeout(() => setStep({ kind: 'idle' }), CONFIRMED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [shownOutcome]);

  // While a request is in flight the step is 'sending': every button is disabled or gone, so a
  // double tap cannot send twice.
  const send = async (action: DisplayAction, pin: Pin): Promise<void> => {
    setStep({ kind: 'sending', action });
    try {
      const result = await act(action, newRequestId(), pin);
      setStep({ kind: 'done', action, outcome: result.outcome });
    } catch (error) {
      const problem = actionProblem(error, state.room.timeZone);
      if (problem.askPin) setStep({ kind: 'pin', then: action.kind, problem: problem.message });
      else setStep({ kind: 'failed', problem, action });
    }
  };

  const open = (then: ActionKind, pin: Pin): void => {
    if (state.pinRequired && !pin) {
      setStep({ kind: 'pin', then, problem: null });
      return;
    }
    if (then === 'check-in') void send({ kind: 'check-in' }, pin);
    else if (then === 'book-now') setStep({ kind: 'choose-book', pin });
    else if (then === 'end') setStep({ kind: 'confirm-end', pin });
    else setStep({ kind: 'choose-extend', pin });
  };

  const cancel = (): void => setStep({ kind: 'idle' });

  const disabled = !online || step.kind === 'sending';
  const big = (label: string, onClick: () => void, primary = false) => (
    <Button
      key={label}
      className={styles.action}
      size="large"
      appearance={primary ? 'primary' : 'secondary'}
      disabled={disabled}
      onClick={onClick}
    >
      {label}
    </Button>
  );

  if (step.kind === 'pin') {
    return <PinPad problem={step.problem} onCancel={cancel} onEnter={(entered) => open(step.then, entered)} />;
  }

  const chooser = (prompt: string, buttons: ReactNode[]) => (
    <div className={styles.root} role="group" aria-label={prompt}>
      <p className={styles.prompt}>{prompt}</p>
      <div className={styles.row}>
        {buttons}
        {big(words.cancel, cancel)}
      </div>
    </div>
  );
  if (step.kind === 'choose-book')
    return chooser(
      words.bookFor,
      state.bookNowOptions.map((m: BookNowMinutes) =>
        big(words.minutes(m), () => void send({ kind: 'book-now', minutes: m }, step.pin), true),
      ),
    );
  if (step.kind === 'choose-extend')
    return chooser(
      words.extendBy,
      ([15, 30] as const).map((m) =>
        big(words.minutes(m), () => void send({ kind: 'extend', minutes: m }, step.pin), true),
      ),
    );
  if (step.kind === 'confirm-end')
    return chooser(words.endQuestion, [big(words.confirmEnd, () => void send({ kind: 'end' }, step.pin), true)]);

  const taken = view.taken;
  const buttons: ReactNode[] = [];
  if (view.state === 'awaiting-check-in') buttons.push(big(words.checkIn, () => open('check-in', null), true));
  if (!taken && state.bookNowOptions.length > 0) buttons.push(big(words.bookNow, () => open('book-now', null), true));
  if (view.current) {
    buttons.push(big(words.extend, () => open('extend', null)));
    buttons.push(big(words.end, () => open('end', null)));
  }

  return (
    <div className={styles.root}>
      <div aria-live="polite">
        {step.kind === 'sending' && (
          <p className={styles.message}>
            <Spinner size="small" /> {words.sending}
          </p>
        )}
        {step.kind === 'done' && (
          <p className={styles.message} role="status">
            {shownOutcome === 'pending' ? words.pending : words.confirmed[step.action.kind]}
          </p>
        )}
        {step.kind === 'failed' && (
          <div role="alert">
            <p className={styles.problem}>{step.problem.message}</p>
            {step.problem.nearby.length > 0 && (
              <ul className={styles.nearby}>
                {step.problem.nearby.map((room) => (
                  <li key={room.name}>{room.where ? `${room.name} · ${room.where}` : room.name}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {!online && <p className={styles.message}>{displayStrings.offlineActions}</p>}
      </div>
      {buttons.length > 0 && <div className={styles.row}>{buttons}</div>}
    </div>
  );
}
