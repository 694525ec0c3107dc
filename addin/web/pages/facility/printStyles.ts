import { makeStaticStyles, makeStyles } from '@fluentui/react-components';

/** Marks the board's root so that the page-wide print rules apply only while the board is shown. */
export const BOARD_ROOT_ATTRIBUTE = 'data-facility-board';

/**
 * Printing the board prints the list only: the app shell around <main> (skip link, top bar,
 * banners) and every control go, and the content uses the full paper width. `:has` scopes the
 * rules to the board, because Griffel never removes static styles once a page has inserted them.
 */
export const useBoardPrintStyles = makeStaticStyles(`
@media print {
  body:has([${BOARD_ROOT_ATTRIBUTE}]) :has(> #main) > :not(#main) { display: none !important; }
  body:has([${BOARD_ROOT_ATTRIBUTE}]) main { max-width: none !important; padding: 0 !important; }
  body:has([${BOARD_ROOT_ATTRIBUTE}]) { background: #fff !important; }
}
`);

export const usePrintClasses = makeStyles({
  noPrint: { '@media print': { display: 'none !important' } },
  keepTogether: { '@media print': { breakInside: 'avoid' } },
});
