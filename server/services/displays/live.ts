import type { DisplayState } from '../../../shared/schemas/displays';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import type { Clock } from '../../ports/clock';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';
import type { DisplayStateService } from './state';

export interface DisplayLiveDeps {
  readonly changes: Pick<RoomChanges, 'subscribe'>;
  readonly state: Pick<DisplayStateService, 'stateOf'>;
  /** False once the display is revoked (or its room deleted). */
  readonly stillPaired: (displayId: string) => Promise<boolean>;
  /** Records that the display is still there (the admin list's "online"). */
  readonly markSeen: (displayId: string) => Promise<void>;
  readonly clock: Clock;
  readonly onError: (err: unknown) => void;
}

/**
 * A display on the stream makes no other calls for hours: its keep-alives keep it "online" in the
 * admin list (2-minute window), recorded at most once a minute.
 */
const SEEN_EVERY_MS = 60_000;

export interface FollowedDisplay {
  /** The client went away. */
  stop(): void;
  /** A keep-alive went out on the stream. */
  heartbeat(): void;
}

/** Where one connected display's stream goes. */
export interface DisplaySink {
  state(state: DisplayState): void;
  /** The display was revoked: end the stream. */
  end(): void;
}

export interface DisplayLiveService {
  /**
   * Sends the display's state now and after every change that concerns it; ends the sink when the
   * display is revoked.
   */
  follow(display: DisplayPrincipal, sink: DisplaySink): FollowedDisplay;
}

const concerns = (change: RoomChange, display: DisplayPrincipal): boolean =>
  change.kind === 'all-rooms' ||
  ((change.kind === 'room' || change.kind === 'room-details') && change.roomId === display.roomId) ||
  (change.kind === 'display' && change.displayId === display.displayId);

export function createDisplayLiveService(deps: DisplayLiveDeps): DisplayLiveService {
  return {
    follow(display, sink) {
      let stopped = false;
      let running = false;
      let again = false;

      async function refresh(): Promise<void> {
        if (!(await deps.stillPaired(display.displayId))) {
          stop();
          sink.end();
          return;
        }
        const state = await deps.state.stateOf(display);
        if (!stopped) sink.state(state);
      }

      // A burst of changes (a sync of many items, a settings save) costs one read in flight and at
      // most one more after it, never one per change.
      async function drain(): Promise<void> {
        running = true;
        do {
          again = false;
          await refresh().catch(deps.onError);
        } while (again && !stopped);
        running = false;
      }

      function kick(): void {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        void drain();
      }

      const unsubscribe = deps.changes.subscribe((change) => {
        if (concerns(change, display)) kick();
      });
      function stop(): void {
        stopped = true;
        unsubscribe();
      }
      kick();
      let seenAt = deps.clock.now().getTime();
      return {
        stop,
        heartbeat() {
          const now = deps.clock.now().getTime();
          if (stopped || now - seenAt < SEEN_EVERY_MS) return;
          seenAt = now;
          deps.markSeen(display.displayId).catch(deps.onError);
        },
      };
    },
  };
}
