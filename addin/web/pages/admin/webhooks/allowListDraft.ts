import { formProblems, type FormProblems } from '../apiErrors';
import { adminStrings } from '../strings';

/** The textarea holds one entry per line; blank lines and surrounding spaces mean nothing. */
export function entriesOf(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const ENTRY_PATH = /^entries\.(\d+)$/;

interface Issue {
  readonly path: string;
  readonly message: string;
}

function issuesOf(error: unknown): Issue[] {
  const details = (error as { details?: { issues?: unknown } } | null)?.details;
  const issues = Array.isArray(details?.issues) ? (details.issues as unknown[]) : [];
  return issues.filter(
    (i): i is Issue =>
      typeof (i as Issue | null)?.path === 'string' && typeof (i as Issue | null)?.message === 'string',
  );
}

/**
 * The server's words for a refused list, per entry: it reports `entries.<index>`, which the admin
 * knows as the line they typed, so each message names its entry.
 */
export function allowListProblems(sent: readonly string[]): (error: unknown) => FormProblems {
  return (error) => {
    const problems = formProblems(error);
    const perEntry = issuesOf(error).flatMap((issue) => {
      const index = ENTRY_PATH.exec(issue.path)?.[1];
      const entry = index === undefined ? undefined : sent[Number(index)];
      return entry === undefined ? [] : [adminStrings.webhooks.entryProblem(entry, issue.message)];
    });
    if (perEntry.length === 0) return problems;
    return { ...problems, fields: { ...problems.fields, entries: perEntry.join('\n') } };
  };
}
