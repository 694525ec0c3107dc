import { roomsEndpoints } from '../../../../shared/api/rooms';
import { useApi } from '../../../ui/hooks/useApi';
import { useAsync } from '../../../ui/hooks/useAsync';

export interface RoomChoice {
  readonly id: string;
  readonly name: string;
  readonly place: string;
}

/** Rooms a booking can move to: those connected to Exchange, from one large page of the search. */
export function useRoomChoices(): RoomChoice[] | undefined {
  const api = useApi();
  const { state } = useAsync('move-rooms', (signal) =>
    api.call(roomsEndpoints.searchRooms, { query: { page: 1, pageSize: 100 }, signal }),
  );
  if (state.status !== 'success') return undefined;
  return state.data.items
    .filter((room) => room.exchange.email !== null)
    .map((room) => ({ id: room.id, name: room.name, place: `${room.buildingName} · ${room.floorName}` }));
}
