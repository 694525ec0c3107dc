import { Button, TableCell } from '@fluentui/react-components';
import { catalogStrings as text } from './strings';

/** Edit and (de)activate, the two things the facility team does to a catalog row. */
export function RowActions({
  editLabel,
  toggleLabel,
  active,
  onEdit,
  onToggleActive,
}: {
  editLabel: string;
  toggleLabel: string;
  active: boolean;
  onEdit: () => void;
  onToggleActive: () => void;
}) {
  return (
    <TableCell>
      <Button size="small" aria-label={editLabel} onClick={onEdit}>
        {text.edit}
      </Button>{' '}
      <Button size="small" aria-label={toggleLabel} onClick={onToggleActive}>
        {active ? text.deactivate : text.activate}
      </Button>
    </TableCell>
  );
}
