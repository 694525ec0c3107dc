import { Component, type ReactNode } from 'react';

/**
 * A chart that cannot load or draw (its chunk failed to download, or the browser lacks what it
 * needs) leaves its place empty: the table under it holds the same figures.
 */
export class ChartBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
