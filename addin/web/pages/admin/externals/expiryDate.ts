/** "Access ends on <day>": the account works through that day, on the admin's clock. */
export function expiryOfDay(day: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return new Date(y, m - 1, d + 1).toISOString();
}

/** The day an end instant closes (the day before the instant, when it falls on midnight). */
export function dayOfExpiry(iso: string | null): string {
  if (iso === null) return '';
  const last = new Date(Date.parse(iso) - 1);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${last.getFullYear()}-${pad(last.getMonth() + 1)}-${pad(last.getDate())}`;
}
