import { analyticsStrings as text } from './strings';

export const percent = (share: number | null): string =>
  share === null ? text.notApplicable : `${Math.round(share * 100)}%`;
export const minutes = (m: number | null): string => (m === null ? text.notApplicable : text.minutes(m));
export const hh = (hour: number): string => `${String(hour).padStart(2, '0')}:00`;

/** Money in minor units as the currency's amount, e.g. 12345 EUR → "€123.45". */
export function money(minor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 10 ** digits);
}
