import { createContext, useContext } from 'react';
import { isApiError } from '../api/client';
import { uiStrings } from './strings';

const t = uiStrings.errors;

/** How a front end words the failures whose meaning depends on where the user is. */
export interface ErrorWords {
  readonly unauthenticated: string;
  readonly forbidden: string;
  /** Sentences for API error codes only this front end meets. */
  readonly codes?: Readonly<Record<string, string>>;
  /** Failures that are not the server's (e.g. Outlook's); undefined for the rest. */
  readonly other?: (error: unknown) => string | undefined;
}

/** The web app's words: a 401 there means the session ended. */
export const WEB_ERROR_WORDS: ErrorWords = { unauthenticated: t.sessionExpired, forbidden: t.forbidden };

/** What to tell the user about a failed call; the server's own message only where it is about their input. */
export function describeError(error: unknown, words: ErrorWords = WEB_ERROR_WORDS): string {
  const other = words.other?.(error);
  if (other !== undefined) return other;
  if (!isApiError(error)) return t.server;
  const own = words.codes?.[error.code];
  if (own !== undefined) return own;
  switch (error.code) {
    case 'network_error':
      return t.network;
    case 'unauthenticated':
      return words.unauthenticated;
    case 'forbidden':
      return words.forbidden;
    case 'link_gone':
      return t.linkGone;
    case 'validation_failed':
    case 'unprocessable':
    case 'dietary_label_conflict':
    case 'conflict':
    case 'not_found':
      return `${t.invalidRequest} ${error.message}`;
    default:
      return t.server;
  }
}

export type DescribeError = (error: unknown) => string;

const DescribeErrorContext = createContext<DescribeError>((error) => describeError(error));

/** The error views below use `describe` for their sentence (the taskpane's words, say). */
export const DescribeErrorProvider = DescribeErrorContext.Provider;

export function useDescribeError(): DescribeError {
  return useContext(DescribeErrorContext);
}
