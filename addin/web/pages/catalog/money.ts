/**
 * Prices travel as integers in the currency's minor unit. Turning them into text and back goes
 * through the currency's own number of decimals (0 for JPY, 2 for EUR, 3 for KWD), never floats.
 */

export function currencyDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

/** A price for people, e.g. "€8.50" or "8,50 €" depending on the browser's language. */
export function formatPrice(minor: number, currency: string, locale?: string): string {
  const digits = currencyDigits(currency);
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

/** The price as the form shows it for editing: plain digits with a point, e.g. "8.50". */
export function priceText(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const whole = Math.trunc(minor / 10 ** digits);
  const fraction = String(minor % 10 ** digits).padStart(digits, '0');
  return `${whole}.${fraction}`;
}

/**
 * The minor units of a typed price ("8.5", "8,50", "12"), or undefined when it is not a
 * non-negative amount with at most the currency's decimals.
 */
export function parsePrice(text: string, currency: string): number | undefined {
  const digits = currencyDigits(currency);
  const match = /^(\d{1,9})(?:[.,](\d+))?$/.exec(text.trim());
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > digits) return undefined;
  return Number(match[1]) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
}
