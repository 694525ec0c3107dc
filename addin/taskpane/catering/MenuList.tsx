import { Badge, Caption1, Field, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { Item, Menu } from '../../../shared/schemas/catalog';
import { CountInput } from '../components/CountInput';
import { strings } from '../strings';
import { formatMoney, type Cart } from './cart';

type Category = Menu['providers'][number]['categories'][number];

const useStyles = makeStyles({
  category: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0 },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 72px',
    gap: tokens.spacingHorizontalS,
    alignItems: 'start',
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  details: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  labels: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalXXS,
    margin: 0,
    padding: 0,
    listStyleType: 'none',
  },
  muted: { color: tokens.colorNeutralForeground3 },
  quantity: { minWidth: 0, width: '100%' },
});

function MenuItem({ item, quantity, onQuantity }: { item: Item; quantity: number; onQuantity: (n: number) => void }) {
  const styles = useStyles();
  const unit = item.unit === 'per-person' ? strings.catering.perPerson : strings.catering.perItem;
  const nameId = `menu-item-${item.id}`;
  return (
    <li className={styles.item}>
      <div className={styles.details}>
        <Text weight="semibold" id={nameId}>
          {item.name}
        </Text>
        {item.description ? <Caption1 className={styles.muted}>{item.description}</Caption1> : null}
        <Caption1>{`${formatMoney(item.priceMinor, item.currency)} ${unit}`}</Caption1>
        {item.dietary.length > 0 ? (
          <ul className={styles.labels} aria-label={strings.catering.dietaryLabel}>
            {item.dietary.map((label) => (
              <li key={label}>
                <Badge size="small" appearance="tint" color="success">
                  {strings.catering.dietary[label]}
                </Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <Caption1 className={styles.muted}>
          {item.allergens.length > 0
            ? strings.catering.allergens(item.allergens.map((a) => strings.catering.allergen[a]).join(', '))
            : strings.catering.noAllergens}
        </Caption1>
      </div>
      <Field>
        <CountInput
          className={styles.quantity}
          min={0}
          max={10_000}
          aria-label={
            item.unit === 'per-person'
              ? strings.catering.servingsPerPerson(item.name)
              : strings.catering.quantity(item.name)
          }
          value={quantity}
          onChange={onQuantity}
        />
      </Field>
    </li>
  );
}

export interface MenuListProps {
  readonly categories: readonly Category[];
  readonly cart: Cart;
  readonly onQuantity: (itemId: string, quantity: number) => void;
}

/** A provider's menu by category, each item with its price, dietary labels, allergens and a quantity. */
export function MenuList({ categories, cart, onQuantity }: MenuListProps) {
  const styles = useStyles();
  return (
    <>
      {categories.map(({ category, items }) => (
        <section key={category} className={styles.category} aria-labelledby={`category-${category}`}>
          <Text as="h3" id={`category-${category}`} weight="semibold" size={300} className={styles.heading}>
            {strings.catering.category[category]}
          </Text>
          <ul className={styles.list}>
            {items.map((item) => (
              <MenuItem
                key={item.id}
                item={item}
                quantity={cart.quantities[item.id] ?? 0}
                onQuantity={(n) => onQuantity(item.id, n)}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
