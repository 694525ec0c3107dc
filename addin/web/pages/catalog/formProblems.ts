import { formProblems, type FormProblems } from '../admin/apiErrors';

export type { FormProblems };
export { formProblems };

export const NO_PROBLEMS: FormProblems = { fields: {}, message: undefined };

/** Field props for a Fluent <Field>: the server's (or the form's) complaint about that input. */
export function complaint(problems: FormProblems, field: string) {
  const message = problems.fields[field];
  return message === undefined ? {} : { validationState: 'error' as const, validationMessage: message };
}
