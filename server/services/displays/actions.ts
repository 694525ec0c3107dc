import type { DisplayState } from '../../../shared/schemas/displays';
import { checkInRefusal, checkInTarget } from '../../domain/displays/state';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import { conflict } from '../../domain/errors';
import type { DisplayActionRepository } from '../../ports/displays';
import type { DisplayStateService } from './state';

export interface DisplayActionResult {
  readonly requestId: string;
  readonly outcome: 'confirmed' | 'pending';
  readonly state: DisplayState;
}

export interface DisplayActionsService {
  /** Checks in to the meeting whose check-in window is open; 409 with the window in words otherwise. */
  checkIn(display: DisplayPrincipal, requestId: string): Promise<DisplayActionResult>;
}

export function createDisplayActionsService(deps: {
  readonly actions: DisplayActionRepository;
  readonly state: DisplayStateService;
}): DisplayActionsService {
  const confirmed = async (display: DisplayPrincipal, requestId: string): Promise<DisplayActionResult> => ({
    requestId,
    outcome: 'confirmed',
    state: await deps.state.stateOf(display),
  });

  return {
    async checkIn(display, requestId) {
      // A double tap or a retry after a lost answer: it acted once already.
      if (await deps.actions.seen(display.displayId, requestId)) return confirmed(display, requestId);
      const { room, now, meetings, settings } = await deps.state.snapshot(display);
      const target = checkInTarget(meetings, now, settings.checkIn);
      if (!target) throw conflict(checkInRefusal(meetings, now, settings.checkIn, room.timeZone));
      // Checking in twice to one meeting (two people tapping) keeps the first check-in as the fact.
      if (!target.checkedIn) {
        await deps.actions.record({
          displayId: display.displayId,
          roomId: room.id,
          bookingId: target.id,
          kind: 'check-in',
          requestId,
          minutes: null,
          at: new Date(now),
        });
      }
      return confirmed(display, requestId);
    },
  };
}
