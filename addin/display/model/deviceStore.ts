import { displayStateSchema, type DisplayState } from '../../../shared/schemas/displays';

/**
 * What the tablet keeps across reloads and server restarts: its device token and the last state
 * the server sent with the time it came (so an offline display still shows today's schedule).
 */
const TOKEN_KEY = 'roomserve.display.token';
const STATE_KEY = 'roomserve.display.lastState';

export interface CachedState {
  readonly state: DisplayState;
  /** When the server last answered (epoch ms, the device's clock). */
  readonly receivedAt: number;
}

export class DeviceStore {
  constructor(private readonly storage: Storage) {}

  token(): string | null {
    return this.storage.getItem(TOKEN_KEY);
  }

  saveToken(token: string): void {
    this.storage.setItem(TOKEN_KEY, token);
  }

  /** After a 401: the token is spent, and so is the room's cached schedule. */
  forget(): void {
    this.storage.removeItem(TOKEN_KEY);
    this.storage.removeItem(STATE_KEY);
  }

  cachedState(): CachedState | null {
    const raw = this.storage.getItem(STATE_KEY);
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw) as { state?: unknown; receivedAt?: unknown };
      const state = displayStateSchema.safeParse(parsed.state);
      if (!state.success || typeof parsed.receivedAt !== 'number') return null;
      return { state: state.data, receivedAt: parsed.receivedAt };
    } catch {
      return null;
    }
  }

  saveState(cached: CachedState): void {
    try {
      this.storage.setItem(STATE_KEY, JSON.stringify(cached));
    } catch {
      // A full storage loses only the offline copy; the live screen goes on.
    }
  }
}

/** Reads `#token=…` from the address (the demo's printed URL); null when absent. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}
