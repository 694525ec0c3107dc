/**
 * The load clients of `npm run bench:plan` (a) and (a'), in their own process as browsers are: the
 * server's event loop then does only the server's work. Each run: `clients` concurrent clients
 * for `seconds`, each sending GET `paths` in turn with the session cookie, reading the answer to
 * its last byte, gunzipping and parsing it as a page would, and timing request sent → parsed.
 * The latencies go back to the parent over IPC.
 */
import { performance } from 'node:perf_hooks';

export interface LoadRun {
  readonly origin: string;
  readonly cookie: string;
  readonly paths: readonly string[];
  readonly clients: number;
  readonly seconds: number;
}

export type FromLoadClients =
  | {
      readonly type: 'done';
      readonly times: readonly number[];
      readonly encodings: readonly string[];
      /** Share of the run this process's event loop was busy: near 1, its own queue adds to the latencies. */
      readonly busy: number;
    }
  | { readonly type: 'failed'; readonly message: string };

const send = (message: FromLoadClients): void => {
  process.send?.(message);
};

async function run({ origin, cookie, paths, clients, seconds }: LoadRun): Promise<FromLoadClients> {
  const times: number[] = [];
  const encodings = new Set<string>();
  const before = performance.eventLoopUtilization();
  const deadline = performance.now() + seconds * 1_000;
  let next = 0;
  const client = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const path = paths[next++ % paths.length] ?? '';
      const started = performance.now();
      // fetch asks for gzip and inflates the body, as a browser does; json() reads it all and parses.
      const res = await fetch(`${origin}${path}`, { headers: { cookie } });
      if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`);
      await res.json();
      times.push(performance.now() - started);
      encodings.add(res.headers.get('content-encoding') ?? 'identity');
    }
  };
  await Promise.all(Array.from({ length: clients }, client));
  const busy = performance.eventLoopUtilization(before).utilization;
  return { type: 'done', times, encodings: [...encodings], busy };
}

process.on('message', (start: LoadRun) => {
  run(start).then(send, (err: unknown) =>
    send({ type: 'failed', message: err instanceof Error ? err.message : String(err) }),
  );
});
process.once('disconnect', () => process.exit(0));
