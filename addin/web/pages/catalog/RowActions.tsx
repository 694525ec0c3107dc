import { Button, TableCell, makeStyles, tokens } from '@fluentui/react-components';
import { catalogStrings as text } from './strings';

const useStyles = makeStyles({
  // The two buttons stay side by side; the table gives their column the room they need.
  actions: { display: 'flex', flexWrap: 'nowrap', gap: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
});

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
  const styles = useStyles();
  return (
    <TableCell>
      <div className={styles.actions}>
        <Button size="small" aria-label={editLabel} onClick={onEdit}>
          {text.edit}
        </Button>
        <Button size="small" aria-label={toggleLabel} onClick={onToggleActive}>
          {active ? text.deactivate : text.activate}
        </Button>
      </div>
    </TableCell>
  );
}
