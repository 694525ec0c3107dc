import {
  Badge,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Item, Provider } from '../../../../shared/schemas/catalog';
import type { Building } from '../../../../shared/schemas/locations';
import { EmptyState } from '../../../ui/StatusViews';
import { EmailText } from '../../components/EmailText';
import { useStackedTableStyles } from '../../components/stackedTable';
import { catalogStrings as text } from './strings';
import { RowActions } from './RowActions';

const useStyles = makeStyles({
  title: { fontWeight: tokens.fontWeightSemibold },
});

export interface ProvidersTableProps {
  readonly providers: readonly Provider[];
  readonly items: readonly Item[];
  readonly buildings: readonly Building[];
  readonly onEdit: (provider: Provider) => void;
  readonly onToggleActive: (provider: Provider) => void;
}

export function ProvidersTable({ providers, items, buildings, onEdit, onToggleActive }: ProvidersTableProps) {
  const styles = useStyles();
  const stacked = useStackedTableStyles();
  if (providers.length === 0) return <EmptyState title={text.providers.empty} />;
  const buildingName = new Map(buildings.map((b) => [b.id, b.name]));
  return (
    <Table aria-label={text.providers.title} size="small" className={stacked.table}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{text.providers.name}</TableHeaderCell>
          <TableHeaderCell>{text.providers.kind}</TableHeaderCell>
          <TableHeaderCell>{text.providers.buildings}</TableHeaderCell>
          <TableHeaderCell>{text.providers.contactEmail}</TableHeaderCell>
          <TableHeaderCell>{text.items.title}</TableHeaderCell>
          <TableHeaderCell />
        </TableRow>
      </TableHeader>
      <TableBody>
        {providers.map((p) => (
          <TableRow key={p.id}>
            <TableCell>
              <span className={styles.title}>{p.name}</span>{' '}
              {p.active ? null : (
                <Badge appearance="outline" color="subtle">
                  {text.inactive}
                </Badge>
              )}
            </TableCell>
            <TableCell data-label={text.providers.kind}>{text.kinds[p.kind]}</TableCell>
            <TableCell data-label={text.providers.buildings}>
              {p.buildingIds.map((id) => buildingName.get(id) ?? id).join(', ') || text.providers.noBuildings}
            </TableCell>
            <TableCell data-label={text.providers.contactEmail}>
              <EmailText email={p.contactEmail} />
            </TableCell>
            <TableCell data-label={text.items.title}>
              {text.providers.itemCount(items.filter((i) => i.providerId === p.id).length)}
            </TableCell>
            <RowActions
              editLabel={text.providers.editFor(p.name)}
              toggleLabel={text.providers.toggleFor(p.name, p.active)}
              active={p.active}
              onEdit={() => onEdit(p)}
              onToggleActive={() => onToggleActive(p)}
            />
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
