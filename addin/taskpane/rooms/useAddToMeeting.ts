import { useState } from 'react';
import type { RoomSearchResult } from '../../../shared/schemas/search';
import { useOfficeHost } from '../../office/OfficeHostContext';
import { useAppointment } from '../useAppointment';

export type AddState =
  | { readonly status: 'idle' }
  | { readonly status: 'adding'; readonly roomId: string }
  | { readonly status: 'added'; readonly room: RoomSearchResult }
  | { readonly status: 'failed'; readonly roomId: string; readonly error: unknown };

/**
 * "Add to meeting": the room becomes a required attendee (compose mode on Mailbox 1.1–1.5 has no
 * resource attendees; Exchange's booking attendant answers the invitation), the location names
 * it, and the choice is recorded in the item's custom properties for the catering tab.
 */
export function useAddToMeeting(locationText: (room: RoomSearchResult) => string) {
  const host = useOfficeHost();
  const { properties, refresh } = useAppointment();
  const [state, setState] = useState<AddState>({ status: 'idle' });

  const add = async (room: RoomSearchResult) => {
    const email = room.exchange.email;
    if (!email) return;
    setState({ status: 'adding', roomId: room.id });
    try {
      await host.addRequiredAttendee({ name: room.name, email });
      await host.setLocation(locationText(room));
      await host.saveProperties({
        ...properties,
        room: { roomId: room.id, roomName: room.name, roomEmail: email, chosenAt: new Date().toISOString() },
      });
      setState({ status: 'added', room });
      await refresh();
    } catch (error: unknown) {
      setState({ status: 'failed', roomId: room.id, error });
    }
  };

  return { state, add };
}
