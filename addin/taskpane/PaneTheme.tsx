import { FluentProvider } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/**
 * Fluent's light theme is in taskpane.html already, as CSS variables on :root (webpack.config.js
 * writes them with Fluent's own createCSSRuleFromTheme): the theme object would add about 6 kB
 * gzipped to the pane's first JavaScript and a style tag written at run time. The provider stays
 * for what else it gives (text direction, the focus-visible marker, the base text styles); its
 * empty theme adds no variables of its own.
 */
const THEME_IN_PAGE = {};

export function PaneTheme({ children }: { children: ReactNode }) {
  return <FluentProvider theme={THEME_IN_PAGE}>{children}</FluentProvider>;
}
