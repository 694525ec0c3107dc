/** What the scale benches (bench:scale, bench:scale:soak) read from the environment, and how they print. */

/** A positive number from the environment, or `fallback` when unset or not positive. */
export function envNumber(name: string, fallback: number): number {
  const raw = Number(process.env[name]);
  return Number.isFinite(raw) && raw > 0 ? raw : fallback;
}

export const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const megabytes = (bytes: number): string => `${Math.round(bytes / 1048576)} MB`;

/** A line with the time of day (UTC), so that a long run's progress can be read against the clock. */
export function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}
