import type { DisplayState } from '../../../shared/schemas/displays';
import type { DisplayPrincipal } from '../../domain/displays/principal';
import type { RoomChange, RoomChanges } from '../../ports/roomChanges';
import type { DisplayStateService } from './state';

export interface DisplayLiveDeps {
  readonly changes: Pick<RoomChanges, 'subscribe'>;
  readonly state: Pick<DisplayStateService, 'stateOf'>;
  /** False once the display is revoked (or its room deleted). */
  readonly stillPaired: (displayId: string) => Promise<boolean>;
  readonly onError: (err: unknown) => void;
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
   * display is revoked. Returns the stop (the client went away).
   */
  follow(display: DisplayPrincipal, sink: DisplaySink): () => void;
}

const concerns = (change: RoomChange, display: DisplayPrincipal): boolean =>
  change.kind === 'all-rooms' ||
  (change.kind === 'room' && change.roomId === display.roomId) ||
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
      return stop;
    },
  };
}
