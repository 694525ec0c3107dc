import { useState } from 'react';
import type { RoomSearchResult } from '../../../shared/schemas/search';

/**
 * The tags to offer in the equipment filter: every tag on the rooms this pane has listed so far.
 * The API has no tag list; the web app reads a 100-room page for it, which the pane spares its
 * first load (the first search has no tag filter, so it already shows the tags in reach).
 */
export function useSeenTags(items: readonly RoomSearchResult[] | undefined): readonly string[] {
  const [seen, setSeen] = useState<readonly string[]>([]);
  const fresh = (items ?? []).flatMap((room) => room.tags).filter((tag) => !seen.includes(tag));
  if (fresh.length > 0) setSeen([...new Set([...seen, ...fresh])].sort((a, b) => a.localeCompare(b)));
  return seen;
}
