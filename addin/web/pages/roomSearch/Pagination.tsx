import { Button, Text, makeStyles, tokens } from '@fluentui/react-components';
import { ChevronLeftRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { strings } from '../../strings';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'center',
    gap: tokens.spacingHorizontalM,
  },
});

export function Pagination({
  page,
  pageCount,
  onPage,
}: {
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  const styles = useStyles();
  if (pageCount <= 1) return null;
  return (
    <nav className={styles.root} aria-label={strings.search.pagination}>
      <Button icon={<ChevronLeftRegular />} disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {strings.search.previousPage}
      </Button>
      <Text aria-live="polite">{strings.search.pageOf(page, pageCount)}</Text>
      <Button
        icon={<ChevronRightRegular />}
        iconPosition="after"
        disabled={page >= pageCount}
        onClick={() => onPage(page + 1)}
      >
        {strings.search.nextPage}
      </Button>
    </nav>
  );
}
