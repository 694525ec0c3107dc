import {
  CheckmarkCircleFilled,
  ClockFilled,
  HourglassFilled,
  PersonClockFilled,
  ProhibitedFilled,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import type { DisplayStateWord } from '../../../shared/schemas/displays';

/**
 * Each state has its colour, its word and its own icon shape, so nobody needs to tell red from
 * green: a tick for free, a clock for starting soon, a no-entry sign for busy, a person with a
 * clock for check-in, an hourglass for ending soon. Text on each colour is at least 4.5:1.
 */
export interface StateLook {
  readonly background: string;
  readonly foreground: string;
  readonly icon: ReactElement;
}

export const STATE_LOOKS: Record<DisplayStateWord, StateLook> = {
  free: { background: '#0e7a0d', foreground: '#ffffff', icon: <CheckmarkCircleFilled aria-hidden /> },
  'starting-soon': { background: '#f5c542', foreground: '#1f1a00', icon: <ClockFilled aria-hidden /> },
  busy: { background: '#b3131f', foreground: '#ffffff', icon: <ProhibitedFilled aria-hidden /> },
  'awaiting-check-in': { background: '#5b3fa8', foreground: '#ffffff', icon: <PersonClockFilled aria-hidden /> },
  'ending-soon': { background: '#c24e00', foreground: '#ffffff', icon: <HourglassFilled aria-hidden /> },
};
