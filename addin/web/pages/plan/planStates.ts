import { tokens } from '@fluentui/react-components';
import type { PlanState } from '../../../../shared/schemas/plan';

/**
 * How each state is drawn: a colour, a pattern and an icon as well as its word, so the plan
 * reads without telling red from green (red-green colour blindness is common).
 */
export interface StateLook {
  readonly fill: string;
  readonly ink: string;
  /** The SVG pattern laid over the colour (none: plain). */
  readonly pattern: 'none' | 'dots' | 'diagonal' | 'cross' | 'horizontal' | 'vertical' | 'rings' | 'dense';
  /** A glyph drawn beside the name; a shape distinct per state. */
  readonly icon: string;
}

export const STATE_LOOKS: Record<PlanState, StateLook> = {
  free: {
    fill: tokens.colorPaletteGreenBackground2,
    ink: tokens.colorPaletteGreenForeground2,
    pattern: 'none',
    icon: '✓',
  },
  'starting-soon': {
    fill: tokens.colorPaletteYellowBackground2,
    ink: tokens.colorPaletteDarkOrangeForeground2,
    pattern: 'dots',
    icon: '◔',
  },
  busy: {
    fill: tokens.colorPaletteRedBackground2,
    ink: tokens.colorPaletteRedForeground2,
    pattern: 'diagonal',
    icon: '●',
  },
  'awaiting-check-in': {
    fill: tokens.colorPaletteMarigoldBackground2,
    ink: tokens.colorPaletteDarkOrangeForeground2,
    pattern: 'horizontal',
    icon: '?',
  },
  'checked-in': {
    fill: tokens.colorPaletteCranberryBackground2,
    ink: tokens.colorPaletteRedForeground2,
    pattern: 'cross',
    icon: '◉',
  },
  released: {
    fill: tokens.colorPaletteBlueBackground2,
    ink: tokens.colorPaletteBlueForeground2,
    pattern: 'rings',
    icon: '↺',
  },
  'ending-soon': {
    fill: tokens.colorPaletteLightGreenBackground2,
    ink: tokens.colorPaletteDarkOrangeForeground2,
    pattern: 'vertical',
    icon: '◕',
  },
  'not-bookable': {
    fill: tokens.colorNeutralBackground5,
    ink: tokens.colorNeutralForeground3,
    pattern: 'dense',
    icon: '⊘',
  },
};

export const patternId = (pattern: StateLook['pattern']): string => `plan-pattern-${pattern}`;
