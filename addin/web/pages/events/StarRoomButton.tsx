import { ToggleButton } from '@fluentui/react-components';
import { StarFilled, StarRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { eventsEndpoints } from '../../../../shared/api/events';
import { useApi } from '../../../ui/hooks/useApi';
import { eventStrings as s } from './strings';

/** Stars a room for the events overview; hidden for whoever has no favourites (external users). */
export function StarRoomButton({ roomId }: { roomId: string }) {
  const api = useApi();
  const [starred, setStarred] = useState<boolean>();

  useEffect(() => {
    const controller = new AbortController();
    api
      .call(eventsEndpoints.listFavouriteRooms, { signal: controller.signal })
      .then((f) => setStarred(f.roomIds.includes(roomId)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [api, roomId]);

  if (starred === undefined) return null;
  const toggle = () => {
    const call = starred
      ? api.call(eventsEndpoints.removeFavouriteRoom, { params: { id: roomId } })
      : api.call(eventsEndpoints.addFavouriteRoom, { params: { id: roomId } });
    call.then((f) => setStarred(f.roomIds.includes(roomId))).catch(() => undefined);
  };
  return (
    <ToggleButton
      checked={starred}
      icon={starred ? <StarFilled /> : <StarRegular />}
      onClick={toggle}
      aria-label={s.star}
    >
      {starred ? s.unstar : s.star}
    </ToggleButton>
  );
}
