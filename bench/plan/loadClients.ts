/**
 * The load clients of `npm run bench:plan` (a) and (a'), in their own process as browsers are: the
 * server's event loop then does only the server's work. Each run: `clients` concurrent clients
 * for `seconds`, each sending GET `paths` in turn with the session cookie over its kept-alive
 * connection, reading the answer to its last byte, gunzipping and parsing it as a page would, and
 * timing request sent → parsed. The latencies go back to the parent over IPC.
 *
 * node:http, not fetch: a browser's HTTP stack is native code on the user's machine, while fetch's
 * web streams cost this process about 2 ms of CPU per answer beyond the inflating and parsing
 * (measured: 3.2 against 1.4 ms per occupancy answer), CPU taken from the server on a 2-core
 * machine and queueing counted in every latency. The server gets the same requests: the clients
 * only come back sooner, which loads it more, not less.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { gunzip as gunzipCallback } from 'node:zlib';

const gunzip = promisify(gunzipCallback);
/** Connections are kept between requests, as a browser keeps them to one origin. */
const agent = new http.Agent({ keepAlive: true });

interface Answer {
  readonly status: number;
  readonly encoding: string;
  readonly body: Buffer;
}

/** GET `url` with the cookie, accepting gzip as a browser does; the answer's bytes as they came. */
function get(url: string, cookie: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent, headers: { cookie, 'accept-encoding': 'gzip, deflate' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          encoding: res.headers['content-encoding'] ?? 'identity',
          body: Buffer.concat(chunks),
        }),
      );
    });
    req.on('error', reject);
  });
}

/** The answer's JSON, inflated first when gzipped (anything else encoded fails the run). */
async function parsed(answer: Answer): Promise<unknown> {
  if (answer.encoding === 'gzip') return JSON.parse((await gunzip(answer.body)).toString('utf8'));
  if (answer.encoding === 'identity') return JSON.parse(answer.body.toString('utf8'));
  throw new Error(`answered with ${answer.encoding}, which this client does not decode`);
}

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
      const answer = await get(`${origin}${path}`, cookie);
      if (answer.status !== 200) throw new Error(`GET ${path} answered ${answer.status}`);
      await parsed(answer);
      times.push(performance.now() - started);
      encodings.add(answer.encoding);
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
