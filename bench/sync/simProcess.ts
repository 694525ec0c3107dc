/**
 * The Exchange simulator of the sync bench, in its own process so that it does not share an event
 * loop (or a core) with Roomserve. Started by simClient.ts with the seed size as its argument;
 * answers `ready` with its URLs and stops on `stop` or when the parent goes away.
 * Plain HTTP (no TLS in the figures), no request schema validation (the tests cover it), and no
 * attendant delay: a room's copy lands as soon as the organizer's write has been answered.
 */
import { startExchangeSim } from '../../test/exchange-sim/index';
import { parseSeed } from '../../test/exchange-sim/model/seed';
import { benchSeed, type BenchSeedSize } from './seed';

export type FromSim =
  | { readonly type: 'ready'; readonly url: string; readonly baseUrl: string; readonly seedMs: number }
  | { readonly type: 'failed'; readonly message: string };

async function main(): Promise<void> {
  // Ctrl-C reaches every process of the terminal's group. This one leaves it to the bench, which
  // stops it after Roomserve (`stop`, or the channel closing when the bench exits).
  process.on('SIGINT', () => undefined);
  const size = JSON.parse(process.argv[2] ?? '{}') as BenchSeedSize;
  const started = performance.now();
  const seed = parseSeed(benchSeed(size));
  const sim = await startExchangeSim({
    http: true,
    seed,
    validateRequests: false,
    attendantDelayMs: 0,
    ...(size.streamMinuteMs ? { streaming: { minuteMs: size.streamMinuteMs } } : {}),
  });
  const seedMs = performance.now() - started;
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= sim.close().then(() => {
      process.exit(0);
    }));
  process.once('disconnect', () => void stop());
  // The bench may have gone while the simulator was seeding.
  if (!process.connected) {
    await stop();
    return;
  }
  process.on('message', (message: { type?: string }) => {
    if (message.type === 'stop') void stop();
  });
  process.send?.({ type: 'ready', url: sim.url, baseUrl: sim.baseUrl, seedMs } satisfies FromSim);
}

main().catch((err: unknown) => {
  process.send?.({ type: 'failed', message: err instanceof Error ? err.message : String(err) } satisfies FromSim);
  process.exit(1);
});
