import { useEffect, useState } from 'react';
import { z } from 'zod';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { readStoredCopy, writeStoredCopy } from '../../ui/storedCopy';

const tagListSchema = z.array(z.string());

const sorted = (tags: Iterable<string>) => [...new Set(tags)].sort((a, b) => a.localeCompare(b));

/**
 * The tags to offer in the equipment filter: every tag on the rooms this pane has listed so far.
 * The API has no tag list; the web app reads a 100-room page for it, which the pane spares its
 * first load (the first search has no tag filter, so it already shows the tags in reach).
 * With `storageKey` the list of the last opening is kept in localStorage and offered at once,
 * until the first answer of this opening replaces it (stale-while-revalidate).
 */
export function useSeenTags(items: readonly RoomSearchResult[] | undefined, storageKey?: string): readonly string[] {
  const [seen, setSeen] = useState<{ readonly tags: readonly string[]; readonly fresh: boolean }>(() => ({
    tags: (storageKey === undefined ? undefined : readStoredCopy(storageKey, tagListSchema)) ?? [],
    fresh: false,
  }));
  if (items !== undefined) {
    const kept = seen.fresh ? seen.tags : [];
    const added = items.flatMap((room) => room.tags).filter((tag) => !kept.includes(tag));
    if (!seen.fresh || added.length > 0) setSeen({ tags: sorted([...kept, ...added]), fresh: true });
  }
  useEffect(() => {
    if (storageKey !== undefined && seen.fresh) writeStoredCopy(storageKey, seen.tags);
  }, [storageKey, seen]);
  return seen.tags;
}
