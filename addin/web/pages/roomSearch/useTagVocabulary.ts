import { roomsEndpoints } from '../../../../shared/api/rooms';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';

/** The API's largest page; enough to see every tag in a catalog of this size. */
const VOCABULARY_SAMPLE = 100;

/**
 * The tags to offer in the equipment filter. The API has no tag list of its own, so this reads
 * the tags of the first (largest) page of rooms; on failure the filter simply offers nothing new.
 */
export function useTagVocabulary(): readonly string[] {
  const api = useApi();
  const { state } = useAsync('tag-vocabulary', async (signal) => {
    const page = await api.call(roomsEndpoints.searchRooms, { query: { pageSize: VOCABULARY_SAMPLE }, signal });
    return [...new Set(page.items.flatMap((room) => room.tags))];
  });
  return state.status === 'success' ? state.data : [];
}
