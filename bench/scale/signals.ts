/**
 * Ctrl-C during a long bench. Node's default would exit at once; the bench's processes ignore
 * SIGINT (see roomserveProcess.ts, simProcess.ts) and are stopped here instead, so that Roomserve
 * drops its PostgreSQL schema or PGlite data directory before the shell prompt comes back. A second
 * Ctrl-C exits at once: the processes then stop themselves when their channel to the bench closes.
 */
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/** Until the returned function is called, a signal runs `stop` and exits with 130. */
export function stopOnSignal(stop: () => Promise<void>, log: (message: string) => void): () => void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) process.exit(130);
    stopping = true;
    log(`${signal}: stopping Roomserve and the simulator (again to exit at once)`);
    stop().then(
      () => process.exit(130),
      (err: unknown) => {
        console.error(err);
        process.exit(130);
      },
    );
  };
  for (const signal of SIGNALS) process.on(signal, onSignal);
  return () => {
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
}
