/**
 * The bench's 200 displays, in their own process so that their memory and CPU are not counted as
 * the server's: each reads GET /api/display/events with fetch streaming, as the tablet app does,
 * and tells the parent (IPC) every meeting start each `state` event shows, with when it arrived.
 */
import type { DisplayState } from '../../shared/schemas/displays';

export interface ClientsStart {
  readonly baseUrl: string;
  readonly displays: readonly { readonly roomId: string; readonly token: string }[];
}

export type FromClients =
  | { readonly type: 'connected'; readonly count: number }
  | { readonly type: 'state'; readonly roomId: string; readonly at: number; readonly starts: readonly string[] }
  | { readonly type: 'failed'; readonly message: string };

const send = (message: FromClients): void => {
  process.send?.(message);
};

function startsOf(state: DisplayState): string[] {
  return [state.current, ...state.next, ...state.today].flatMap((m) => (m ? [m.start] : []));
}

async function follow(baseUrl: string, roomId: string, token: string, connected: () => void): Promise<void> {
  const res = await fetch(`${baseUrl}/api/display/events`, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok || !res.body) throw new Error(`the stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let first = true;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (!frame.startsWith('event: state') || data === undefined) continue;
      const state = JSON.parse(data.slice(6)) as DisplayState;
      send({ type: 'state', roomId, at: Date.now(), starts: startsOf(state) });
      if (first) {
        first = false;
        connected();
      }
    }
  }
}

process.once('message', (start: ClientsStart) => {
  let count = 0;
  const connected = (): void => {
    count += 1;
    if (count === start.displays.length) send({ type: 'connected', count });
  };
  for (const { roomId, token } of start.displays)
    follow(start.baseUrl, roomId, token, connected).catch((err: unknown) =>
      send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
    );
});
process.once('disconnect', () => process.exit(0));
