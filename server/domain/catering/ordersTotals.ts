import type { ItemUnit } from '../../../shared/schemas/catalog';
import { quantityToDeliver } from './quantities';

/** Order totals in minor units (cents), computed with integers only: money is never a float. */

export interface PricedLine {
  readonly unit: ItemUnit;
  readonly unitPriceMinor: number;
  readonly quantity: number;
  readonly currency: string;
}

export type TotalsResult =
  | { readonly ok: true; readonly lineTotals: number[]; readonly totalMinor: number; readonly currency: string }
  | { readonly ok: false; readonly problem: 'mixed-currencies' | 'too-large' | 'no-lines' };

/**
 * Each line costs its price × the quantity to deliver (per-person: servings × headcount; per-item:
 * pieces). BigInt keeps every step exact; a total beyond a safe JSON number is refused.
 */
export function orderTotals(lines: readonly PricedLine[], headcount: number): TotalsResult {
  const first = lines[0];
  if (first === undefined) return { ok: false, problem: 'no-lines' };
  if (lines.some((l) => l.currency !== first.currency)) return { ok: false, problem: 'mixed-currencies' };
  const exact = lines.map((l) => BigInt(l.unitPriceMinor) * BigInt(quantityToDeliver(l, headcount)));
  const total = exact.reduce((sum, x) => sum + x, 0n);
  if (total > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, problem: 'too-large' };
  return { ok: true, lineTotals: exact.map(Number), totalMinor: Number(total), currency: first.currency };
}
