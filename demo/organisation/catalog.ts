import type {
  Allergen,
  DietaryLabel,
  ItemAvailability,
  ItemCategory,
  ItemUnit,
  ProviderKind,
} from '../../shared/schemas/catalog';
import type { OpeningHours } from '../../shared/schemas/locations';

/**
 * The demo catering catalog: the in-house kitchen serving every demo building and an external
 * caterer serving Harbour House only, so the menu differs between the two buildings.
 */

export interface DemoItem {
  readonly name: string;
  readonly description: string;
  readonly category: ItemCategory;
  /** Euro cents. */
  readonly price: number;
  readonly unit: ItemUnit;
  readonly dietary: readonly DietaryLabel[];
  readonly allergens: readonly Allergen[];
  readonly leadTimeHours: number;
  readonly changeCutoffHours: number;
  readonly availability?: ItemAvailability;
}

export interface DemoProvider {
  readonly name: string;
  readonly kind: ProviderKind;
  /** Keys of DEMO_BUILDINGS. */
  readonly buildings: readonly string[];
  readonly contactLocalPart: string;
  readonly workingHours: OpeningHours;
  readonly items: readonly DemoItem[];
}

const weekdays = (open: string, close: string): OpeningHours => {
  const day = [{ open, close }];
  return { mon: day, tue: day, wed: day, thu: day, fri: day };
};

const MORNINGS: ItemAvailability = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ from: '07:00', to: '11:00' }]]),
);
const LUNCHTIME: ItemAvailability = Object.fromEntries(
  (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ from: '11:00', to: '15:00' }]]),
);

const item = (
  name: string,
  category: ItemCategory,
  price: number,
  details: Partial<Omit<DemoItem, 'name' | 'category' | 'price'>> = {},
): DemoItem => ({
  name,
  category,
  price,
  description: details.description ?? '',
  unit: details.unit ?? 'per-person',
  dietary: details.dietary ?? [],
  allergens: details.allergens ?? [],
  leadTimeHours: details.leadTimeHours ?? 4,
  changeCutoffHours: details.changeCutoffHours ?? 2,
  ...(details.availability ? { availability: details.availability } : {}),
});

const KITCHEN: DemoProvider = {
  name: 'Northwind Kitchen',
  kind: 'internal-kitchen',
  buildings: ['harbour', 'riverside'],
  contactLocalPart: 'kitchen',
  workingHours: weekdays('07:00', '17:00'),
  items: [
    item('Coffee and tea', 'drinks', 250, {
      description: 'Filter coffee, a selection of teas, milk and oat milk.',
      // It comes with cow's milk: vegetarian, not vegan (the catalog refuses vegan with milk).
      dietary: ['vegetarian', 'gluten-free'],
      allergens: ['milk'],
      leadTimeHours: 1,
      changeCutoffHours: 1,
    }),
    item('Still and sparkling water', 'drinks', 350, {
      description: 'One litre glass bottle.',
      unit: 'per-item',
      dietary: ['vegan', 'gluten-free', 'lactose-free', 'halal', 'kosher'],
      leadTimeHours: 1,
      changeCutoffHours: 1,
    }),
    item('Fresh orange juice', 'drinks', 650, {
      description: 'One litre carafe, pressed the same morning.',
      unit: 'per-item',
      dietary: ['vegan', 'gluten-free', 'lactose-free'],
      leadTimeHours: 2,
      changeCutoffHours: 1,
    }),
    item('Butter croissant', 'breakfast', 220, {
      allergens: ['gluten', 'milk', 'eggs'],
      dietary: ['vegetarian'],
      availability: MORNINGS,
    }),
    item('Breakfast bowl', 'breakfast', 590, {
      description: 'Yoghurt, granola, seasonal fruit and honey.',
      dietary: ['vegetarian'],
      allergens: ['milk', 'gluten', 'nuts'],
      availability: MORNINGS,
    }),
    item('Vegan overnight oats', 'breakfast', 520, {
      description: 'Oats, almond milk, chia and berries.',
      dietary: ['vegan', 'lactose-free'],
      allergens: ['gluten', 'nuts'],
      availability: MORNINGS,
      leadTimeHours: 16,
      changeCutoffHours: 12,
    }),
    item('Seasonal soup with bread', 'lunch', 750, {
      description: 'Changes daily; ask the kitchen.',
      dietary: ['vegan'],
      allergens: ['gluten', 'celery'],
      availability: LUNCHTIME,
    }),
    item('Chicken wrap platter', 'lunch', 1150, {
      description: 'Grilled chicken, salad and yoghurt dressing.',
      dietary: ['halal'],
      allergens: ['gluten', 'milk', 'mustard'],
      availability: LUNCHTIME,
      leadTimeHours: 24,
      changeCutoffHours: 12,
    }),
    item('Mediterranean salad bowl', 'lunch', 980, {
      description: 'Quinoa, feta, olives, cucumber and lemon.',
      dietary: ['vegetarian', 'gluten-free'],
      allergens: ['milk'],
      availability: LUNCHTIME,
      leadTimeHours: 24,
      changeCutoffHours: 12,
    }),
    item('Fruit platter', 'snacks', 450, {
      description: 'Cut seasonal fruit.',
      dietary: ['vegan', 'gluten-free', 'lactose-free', 'halal', 'kosher'],
    }),
    item('Homemade cookies', 'snacks', 180, {
      description: 'Chocolate chip and oatmeal.',
      dietary: ['vegetarian'],
      allergens: ['gluten', 'milk', 'eggs', 'soybeans'],
    }),
    item('Mixed nuts', 'snacks', 300, {
      description: 'Salted almonds, cashews and hazelnuts.',
      unit: 'per-item',
      dietary: ['vegan', 'gluten-free'],
      allergens: ['nuts', 'peanuts'],
    }),
    item('Flip chart and markers', 'equipment-setup', 0, { unit: 'per-item', leadTimeHours: 2, changeCutoffHours: 1 }),
    item('Extra chairs setup', 'equipment-setup', 0, {
      description: 'Up to ten chairs, set up before the meeting.',
      unit: 'per-item',
      leadTimeHours: 24,
      changeCutoffHours: 4,
    }),
  ],
};

const CATERER: DemoProvider = {
  name: 'Hafenküche Catering',
  kind: 'external-caterer',
  buildings: ['harbour'],
  contactLocalPart: 'orders.hafenkueche',
  workingHours: { ...weekdays('08:00', '20:00'), sat: [{ open: '09:00', close: '14:00' }] },
  items: [
    item('Continental breakfast buffet', 'breakfast', 1450, {
      description: 'Bread rolls, cheese, cold cuts, jam, fruit, coffee and juice.',
      allergens: ['gluten', 'milk', 'eggs'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Smoked salmon bagels', 'breakfast', 890, {
      allergens: ['gluten', 'fish', 'milk', 'sesame'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Business lunch buffet', 'lunch', 2450, {
      description: 'Two mains, one vegetarian, salads and dessert.',
      allergens: ['gluten', 'milk', 'eggs', 'celery', 'mustard'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Vegan lunch buffet', 'lunch', 2250, {
      description: 'Curry, grain salad, flatbread and fruit.',
      dietary: ['vegan', 'lactose-free', 'halal', 'kosher'],
      allergens: ['gluten', 'sesame', 'soybeans'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Fish and shrimp platter', 'lunch', 2890, {
      description: 'North Sea shrimp, smoked mackerel, herring and dips.',
      allergens: ['fish', 'crustaceans', 'molluscs', 'eggs', 'mustard', 'sulphites'],
      leadTimeHours: 72,
      changeCutoffHours: 48,
    }),
    item('Sandwich platter', 'lunch', 1690, {
      description: 'Eight halves: cheese, ham, egg and hummus.',
      unit: 'per-item',
      dietary: [],
      allergens: ['gluten', 'milk', 'eggs', 'sesame', 'mustard'],
      leadTimeHours: 24,
      changeCutoffHours: 12,
    }),
    item('Gluten-free cake selection', 'snacks', 420, {
      dietary: ['vegetarian', 'gluten-free'],
      allergens: ['eggs', 'milk', 'nuts', 'lupin'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Antipasti board', 'snacks', 1290, {
      description: 'Grilled vegetables, olives, mozzarella and grissini.',
      unit: 'per-item',
      dietary: ['vegetarian'],
      allergens: ['milk', 'gluten', 'sulphites'],
      leadTimeHours: 24,
      changeCutoffHours: 12,
    }),
    item('Sparkling wine reception', 'drinks', 690, {
      description: 'Crémant with orange juice as an alternative.',
      dietary: ['vegan', 'gluten-free'],
      allergens: ['sulphites'],
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
    item('Lemonade selection', 'drinks', 390, {
      dietary: ['vegan', 'gluten-free', 'lactose-free'],
      leadTimeHours: 24,
      changeCutoffHours: 12,
    }),
    item('Buffet table setup', 'equipment-setup', 4500, {
      description: 'Tables, linen, chafing dishes and clear-away afterwards.',
      unit: 'per-item',
      leadTimeHours: 48,
      changeCutoffHours: 24,
    }),
  ],
};

export const DEMO_PROVIDERS: readonly DemoProvider[] = [KITCHEN, CATERER];
