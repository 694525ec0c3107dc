import { describeError, type ErrorWords } from '../ui/errors';
import { isOfficeHostError } from '../office/officeHost';
import { strings } from './strings';

/** The pane's words: a 401 means Outlook's identity token was refused, and Outlook itself can fail. */
export const PANE_ERROR_WORDS: ErrorWords = {
  unauthenticated: strings.errors.signIn,
  forbidden: strings.errors.forbidden,
  codes: { meeting_not_synced: strings.errors.notSynced },
  other: (error) => {
    if (!isOfficeHostError(error)) return undefined;
    return error.code === 'unsupported' ? strings.errors.unsupported : strings.errors.outlook;
  },
};

/** The sentence the pane shows for a failed call to the server or to Outlook. */
export const describePaneError = (error: unknown): string => describeError(error, PANE_ERROR_WORDS);
