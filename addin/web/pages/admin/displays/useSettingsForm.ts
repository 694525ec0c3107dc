import { useState, type FormEvent } from 'react';
import { useSubmit } from '../../../../ui/hooks/useSubmit';
import { formProblems, NO_PROBLEMS, type FormProblems } from '../apiErrors';
import type { Checked } from './settingsDraft';

interface SettingsFormRules<Draft, Value> {
  readonly initial: Draft;
  /** Checks the draft in the browser: a draft with problems never reaches the server. */
  readonly check: (draft: Draft) => Checked<Value>;
  /** Saves the checked value and answers the draft of what the server kept. */
  readonly save: (value: Value) => Promise<Draft>;
  readonly onSaved?: () => void;
}

/** The draft, its problems and saving, shared by the installation's and a room's display settings. */
export function useSettingsForm<Draft extends object, Value>(rules: SettingsFormRules<Draft, Value>) {
  const [draft, setDraft] = useState(rules.initial);
  const [justSaved, setJustSaved] = useState(false);
  const { busy, problem, submit, complain } = useSubmit<FormProblems>(formProblems);
  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setJustSaved(false);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    setJustSaved(false);
    const checked = rules.check(draft);
    if (!checked.ok) {
      complain({ fields: checked.fields, message: undefined });
      return;
    }
    void submit(async () => {
      setDraft(await rules.save(checked.value));
      setJustSaved(true);
      rules.onSaved?.();
    });
  };
  return { draft, change, save, busy, justSaved, problems: problem ?? NO_PROBLEMS };
}
