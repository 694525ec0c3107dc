import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Item, Provider } from '../../../../shared/schemas/catalog';
import { EmptyState } from '../../../ui/StatusViews';
import { useStackedTableStyles } from '../../components/stackedTable';
import { formatPrice } from './money';
import { catalogStrings as text } from './strings';
import { RowActions } from './RowActions';

const useStyles = makeStyles({
  labels: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
  thumb: {
    width: '40px',
    height: '40px',
    flexShrink: 0,
    objectFit: 'cover',
    borderRadius: tokens.borderRadiusMedium,
  },
  // The picture sits beside the name: most items have none, and a column of its own stood empty.
  title: { fontWeight: tokens.fontWeightSemibold },
  price: { whiteSpace: 'nowrap' },
  name: { display: 'flex', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ItemsTableProps {
  readonly items: readonly Item[];
  readonly providers: readonly Provider[];
  readonly onEdit: (item: Item) => void;
  readonly onToggleActive: (item: Item) => void;
}

export function ItemsTable({ items, providers, onEdit, onToggleActive }: ItemsTableProps) {
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  if (items.length === 0) return <EmptyState title={text.items.empty} />;
  const providerName = new Map(providers.map((p) => [p.id, p.name]));
  return (
    <Table aria-label={text.items.title} size="small" className={stacked.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{text.items.name}</TableHeaderCell>
          <TableHeaderCell>{text.items.provider}</TableHeaderCell>
          <TableHeaderCell>{text.items.category}</TableHeaderCell>
          <TableHeaderCell>{text.items.price}</TableHeaderCell>
          <TableHeaderCell>{text.items.dietary}</TableHeaderCell>
          <TableHeaderCell>{text.items.allergens}</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {items.map((item) => (
          <TableRow key={item.id}>
            <TableCell>
              <span className={styles.name}>
                {item.imageUrl ? (
                  <img className={styles.thumb} src={item.imageUrl} alt={text.items.image(item.name)} />
                ) : null}
                <span className={styles.title}>{item.name}</span>
                {item.active ? null : (
                  <Badge appearance="outline" color="subtle">
                    {text.inactive}
                  </Badge>
                )}
              </span>
            </TableCell>
            <TableCell data-label={text.items.provider}>{providerName.get(item.providerId) ?? ''}</TableCell>
            <TableCell data-label={text.items.category}>{text.categories[item.category]}</TableCell>
            <TableCell data-label={text.items.price} className={styles.price}>
              {text.items.perUnit(formatPrice(item.priceMinor, item.currency), text.units[item.unit])}
            </TableCell>
            <TableCell data-label={text.items.dietary}>
              <div className={styles.labels}>
                {item.dietary.map((label) => (
                  <Badge key={label} appearance="tint" color="success">
                    {text.dietary[label]}
                  </Badge>
                ))}
              </div>
            </TableCell>
            <TableCell data-label={text.items.allergens}>
              {item.allergens.length === 0 ? (
                <Text size={200}>{text.items.noAllergens}</Text>
              ) : (
                <div className={styles.labels}>
                  {item.allergens.map((allergen) => (
                    <Badge key={allergen} appearance="tint" color="warning">
                      {text.allergens[allergen]}
                    </Badge>
                  ))}
                </div>
              )}
            </TableCell>
            <RowActions
              editLabel={text.items.editFor(item.name)}
              toggleLabel={text.items.toggleFor(item.name, item.active)}
              active={item.active}
              onEdit={() => onEdit(item)}
              onToggleActive={() => onToggleActive(item)}
            />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
