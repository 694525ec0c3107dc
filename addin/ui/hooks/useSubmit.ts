import { useState } from 'react';

export interface Submission<P> {
  /** The action is running: the form disables its submit button and says so on it. */
  readonly busy: boolean;
  /** Why the last attempt failed, or what is missing before one can start. */
  readonly problem: P | undefined;
  /** Runs `action`: busy meanwhile, the problem cleared before and set from its failure after. */
  readonly submit: (action: () => Promise<void>) => Promise<void>;
  /** A problem found without the server (an empty field, an unreadable file); undefined clears it. */
  readonly complain: (problem: P | undefined) => void;
}

/**
 * The busy/problem state every form keeps around its one submit call. `problemOf` turns the
 * failure into what the form shows (a sentence, or problems per field).
 */
export function useSubmit<P = string>(problemOf: (error: unknown) => P): Submission<P> {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<P>();

  const submit = async (action: () => Promise<void>) => {
    setBusy(true);
    setProblem(undefined);
    try {
      await action();
    } catch (error: unknown) {
      setProblem(problemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return { busy, problem, submit, complain: setProblem };
}
