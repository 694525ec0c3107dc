import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
} from '@fluentui/react-components';

export interface DataTableProps {
  readonly caption: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

const useStyles = makeStyles({
  // Wide tables scroll sideways inside the page (a phone) instead of squeezing every column.
  scroller: { overflowX: 'auto', maxWidth: '100%' },
  // Columns as wide as their content: names stay on one line instead of wrapping word by word.
  table: { tableLayout: 'auto', minWidth: '100%', width: 'max-content' },
  cell: { whiteSpace: 'nowrap' },
  // A long name is cut with an ellipsis; the whole of it is in the cell's title.
  text: { maxWidth: '16rem', overflow: 'hidden', textOverflow: 'ellipsis' },
});

const LONG = 24;

/** The table under every chart: the same figures as text, for screen readers and copying. */
export function DataTable({ caption, columns, rows }: DataTableProps) {
  const styles = useStyles();
  return (
    <div className={styles.scroller}>
      <Table size="small" aria-label={caption} className={styles.table}>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c} className={styles.cell}>
                {c}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row, i) => (
            <TableRow key={i}>
              {row.map((cell, j) => (
                <TableCell
                  key={j}
                  className={`${styles.cell} ${styles.text}`}
                  title={cell.length > LONG ? cell : undefined}
                >
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
