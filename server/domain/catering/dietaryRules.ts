import type { Allergen, DietaryLabel, Item } from '../../../shared/schemas/catalog';

/** The EU allergens that come from animals: an item carrying one of them is not vegan. */
const NOT_VEGAN: readonly Allergen[] = ['milk', 'eggs', 'fish', 'crustaceans', 'molluscs'];

export interface DietaryConflict {
  readonly label: DietaryLabel;
  readonly allergens: readonly Allergen[];
}

/**
 * A dietary label the item's own allergens contradict, or null. People choose by the label, so a
 * "vegan" coffee that carries milk is refused rather than shown.
 */
export function dietaryConflict(item: Pick<Item, 'dietary' | 'allergens'>): DietaryConflict | null {
  if (!item.dietary.includes('vegan')) return null;
  const animal = item.allergens.filter((a) => NOT_VEGAN.includes(a));
  return animal.length === 0 ? null : { label: 'vegan', allergens: animal };
}
