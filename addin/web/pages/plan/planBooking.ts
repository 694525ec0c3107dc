import { createContext, useContext } from 'react';
import type { PlanRoom } from '../../../../shared/schemas/plan';

/**
 * Opens the plan's booking dialog for a room. The dialog lives with the floor view, not with the
 * room's card: the cards are drawn again from every pushed change, and a booking made from one
 * must keep its dialog (and its confirmation) open while the room it booked turns busy.
 */
export const PlanBooking = createContext<(room: PlanRoom) => void>(() => undefined);

export const usePlanBooking = (): ((room: PlanRoom) => void) => useContext(PlanBooking);
