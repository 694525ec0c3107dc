import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useRef, type KeyboardEvent } from 'react';

/**
 * The pane's two tabs, drawn like Fluent's TabList without it: TabList brings tabster (its arrow-key
 * navigation) and about 25 kB gzipped to the first screen for two buttons. The keyboard follows the
 * WAI-ARIA tabs pattern with manual activation: one tab stop (the selected tab), arrow keys and
 * Home/End move the focus, Enter or Space (a click) selects.
 */

export interface PaneTab<V extends string> {
  readonly value: V;
  readonly label: string;
  /** The id of the tab element; the panel names it in aria-labelledby. */
  readonly id: string;
}

export interface PaneTabsProps<V extends string> {
  readonly tabs: readonly PaneTab<V>[];
  readonly selected: V;
  readonly onSelect: (value: V) => void;
  readonly label: string;
  /** The id of the panel the tabs control. */
  readonly panelId: string;
  readonly className?: string;
}

const useStyles = makeStyles({
  list: { display: 'flex', alignItems: 'stretch' },
  tab: {
    position: 'relative',
    border: 'none',
    background: 'none',
    cursor: 'pointer',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground2,
    borderRadius: tokens.borderRadiusMedium,
    ':hover': { color: tokens.colorNeutralForeground2Hover },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
    // The indicator under the tab: brand colour when selected, grey on hover.
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalMNudge,
      right: tokens.spacingHorizontalMNudge,
      bottom: 0,
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
    },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1 },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
  },
});

/** Where the focus goes from tab `index` of `count` on `key`; undefined for other keys. */
export function nextTabIndex(key: string, index: number, count: number): number | undefined {
  if (key === 'ArrowRight') return (index + 1) % count;
  if (key === 'ArrowLeft') return (index - 1 + count) % count;
  if (key === 'Home') return 0;
  if (key === 'End') return count - 1;
  return undefined;
}

export function PaneTabs<V extends string>({ tabs, selected, onSelect, label, panelId, className }: PaneTabsProps<V>) {
  const styles = useStyles();
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextTabIndex(event.key, index, tabs.length);
    if (next === undefined) return;
    event.preventDefault();
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={mergeClasses(styles.list, className)}>
      {tabs.map((tab, index) => {
        const isSelected = tab.value === selected;
        return (
          <button
            key={tab.value}
            ref={(element) => {
              buttons.current[index] = element;
            }}
            type="button"
            role="tab"
            id={tab.id}
            aria-selected={isSelected}
            aria-controls={panelId}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, isSelected && styles.selected)}
            onClick={() => onSelect(tab.value)}
            onKeyDown={(event) => onKeyDown(event, index)}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
