import { startTransition, useEffect, useState } from 'react';

/**
 * The first `first` items at once, then all of them in a background render (a transition: React
 * renders it in slices and gives way to input), so the first cards and their buttons work before
 * the rest of a long list is drawn. At the pane's 320 px the filters fill the first screen; cards
 * past the first few are below the fold, and each one is a dozen Fluent components to render.
 * Once a list was shown whole, later ones (another search) are shown whole at once.
 */
export function useFirstThenAll<T>(items: readonly T[], first: number): readonly T[] {
  const [shownWhole, setShownWhole] = useState(false);
  const partial = !shownWhole && items.length > first;
  useEffect(() => {
    if (partial) startTransition(() => setShownWhole(true));
  }, [partial]);
  return partial ? items.slice(0, first) : items;
}
