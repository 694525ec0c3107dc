import { isApiError } from '../../../api/client';
import { describeError } from '../../../ui/errors';

/** Codes whose server message is written for the admin (Exchange's failure, a rule of the data). */
const ADMIN_WORDS = new Set(['unavailable', 'unprocessable', 'conflict', 'validation_failed', 'not_found']);

/**
 * What to tell the admin about a failed call. Unlike the public pages, the admin pages show the
 * server's own words for Exchange failures: they say what to fix (an unreachable server, a refusal).
 */
export function adminErrorText(error: unknown): string {
  if (isApiError(error) && ADMIN_WORDS.has(error.code)) return error.message;
  return describeError(error);
}

export interface FormProblems {
  /** The server's message per input field (first path segment of a validation issue). */
  readonly fields: Readonly<Record<string, string>>;
  /** What to say above the form when no field claims the problem. */
  readonly message: string | undefined;
}

interface Issue {
  readonly path: string;
  readonly message: string;
}

function isIssue(value: unknown): value is Issue {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}

export const NO_PROBLEMS: FormProblems = { fields: {}, message: undefined };

/** Field props for a Fluent <Field>: the server's (or the form's) complaint about that input. */
export function complaint(problems: FormProblems, field: string) {
  const message = problems.fields[field];
  return message === undefined ? {} : { validationState: 'error' as const, validationMessage: message };
}

/**
 * Splits a failed save into per-field messages. The server reports schema problems as
 * `details.issues[{path, message}]` and rule problems as `details.field` with the message.
 */
export function formProblems(error: unknown): FormProblems {
  if (!isApiError(error) || typeof error.details !== 'object' || error.details === null) {
    return { fields: {}, message: adminErrorText(error) };
  }
  const details = error.details as Record<string, unknown>;
  const fields: Record<string, string> = {};
  if (typeof details.field === 'string') fields[details.field] = error.message;
  if (Array.isArray(details.issues)) {
    for (const issue of details.issues.filter(isIssue)) {
      const field = issue.path.split('.')[0] ?? '';
      if (field !== '' && fields[field] === undefined) fields[field] = issue.message;
    }
  }
  return { fields, message: Object.keys(fields).length > 0 ? undefined : adminErrorText(error) };
}
