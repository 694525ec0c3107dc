import type { ItemUnit } from '../../shared/schemas/catalog';

/** An order line as both front ends show it; `quantityToDeliver` is the server's figure. */
export interface ShownOrderLine {
  readonly name: string;
  readonly unit: ItemUnit;
  /** As ordered: pieces, or servings per person. */
  readonly quantity: number;
  readonly quantityToDeliver: number;
}

const people = (n: number): string => (n === 1 ? '1 person' : `${n} people`);

/**
 * "4 × Butter croissant (1 per person × 4 people)": what arrives first, then how a per-person line
 * adds up, so nobody reads servings per person as pieces. Per-item lines: "2 × Water".
 */
export function orderLineText(line: ShownOrderLine, headcount: number): string {
  const how = line.unit === 'per-person' ? ` (${line.quantity} per person × ${people(headcount)})` : '';
  return `${line.quantityToDeliver} × ${line.name}${how}`;
}
