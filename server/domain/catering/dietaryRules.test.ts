import { describe, expect, it } from '@jest/globals';
import type { Allergen, DietaryLabel } from '../../../shared/schemas/catalog';
import { dietaryConflict } from './dietaryRules';

describe('dietaryConflict', () => {
  it.each<[string, DietaryLabel[], Allergen[], Allergen[] | null]>([
    ['vegan coffee with milk', ['vegan', 'gluten-free'], ['milk'], ['milk']],
    ['vegan cake with eggs and milk', ['vegan'], ['gluten', 'eggs', 'milk'], ['eggs', 'milk']],
    ['vegan platter with fish', ['vegan'], ['fish'], ['fish']],
    ['vegan oats with gluten and nuts', ['vegan'], ['gluten', 'nuts'], null],
    ['vegetarian croissant with milk and eggs', ['vegetarian'], ['milk', 'eggs'], null],
    ['no labels at all', [], ['milk'], null],
  ])('%s', (_name, dietary, allergens, expected) => {
    const conflict = dietaryConflict({ dietary, allergens });
    expect(conflict).toEqual(expected === null ? null : { label: 'vegan', allergens: expected });
  });
});
