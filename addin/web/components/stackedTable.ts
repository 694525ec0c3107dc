import { makeStyles, tokens } from '@fluentui/react-components';

/** Phones and narrow windows: below this width the app's tables turn each row into a card. */
export const NARROW_SCREEN = '@media (max-width: 640px)';

/**
 * A table whose columns size to their content on wide screens (Fluent's fixed layout gives every
 * column the same width, so long cells run into their neighbours), and whose rows become stacked
 * cards on narrow ones: each cell on its own line, headed by its column's name from `data-label`.
 */
export const useStackedTableStyles = makeStyles({
  table: {
    tableLayout: 'auto',
    [NARROW_SCREEN]: {
      display: 'block',
      '& thead': { display: 'none' },
      '& tbody': { display: 'block' },
      '& tr': {
        display: 'flex',
        flexDirection: 'column',
        gap: tokens.spacingVerticalXS,
        padding: `${tokens.spacingVerticalS} 0`,
      },
      '& td': {
        display: 'flex',
        alignItems: 'baseline',
        gap: tokens.spacingHorizontalS,
        height: 'auto',
        minHeight: 0,
        padding: 0,
        overflowWrap: 'anywhere',
      },
      '& td[data-label]::before': {
        content: 'attr(data-label)',
        flex: '0 0 8em',
        color: tokens.colorNeutralForeground3,
        fontWeight: tokens.fontWeightSemibold,
      },
      '& td[data-stack="above"]': { flexDirection: 'column', alignItems: 'stretch' },
      '& td[data-stack="above"]::before': { flexBasis: 'auto' },
    },
  },
});

/** Spread on a cell whose content needs the whole card's width (a form, say): its label goes above it. */
export const LABEL_ABOVE = { 'data-stack': 'above' } as const;
