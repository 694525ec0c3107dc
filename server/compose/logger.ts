import { pino, type Logger } from 'pino';
import { PinoPretty } from 'pino-pretty';
import { REDACT_PATHS } from '../http/middleware/requestLogger';

export interface LoggerOptions {
  readonly level: string;
  /** Readable lines for a person at a terminal; JSON lines (for log collectors) otherwise. */
  readonly pretty: boolean;
  /** Default: standard output. */
  readonly destination?: NodeJS.WritableStream;
}

/**
 * The one logger. Pretty output runs in this thread (pino-pretty as a stream, not a worker
 * transport): a terminal reader is a developer, and every line should be there before an exit.
 */
export function createLogger({ level, pretty, destination = process.stdout }: LoggerOptions): Logger {
  const options = { level, redact: REDACT_PATHS };
  if (!pretty) return pino(options, destination);
  return pino(
    options,
    PinoPretty({
      destination,
      colorize: destination === process.stdout && process.stdout.isTTY,
      translateTime: 'SYS:HH:MM:ss',
      ignore: 'pid,hostname',
      sync: true,
    }),
  );
}

/** Pretty when standard output is a terminal. */
export const stdoutIsTerminal = (): boolean => process.stdout.isTTY;
