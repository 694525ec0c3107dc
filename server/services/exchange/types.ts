import type { Room } from '../../../shared/schemas/locations';
import type {
  ExchangeConnectionFactory,
  ExchangeSettingsChanges,
  ExchangeSettingsRepository,
  SecretSealer,
} from '../../ports/exchangeSettings';
import type { Clock } from '../../ports/clock';

export interface ExchangeServiceDeps {
  readonly settings: ExchangeSettingsRepository;
  readonly secrets: SecretSealer;
  /** One connection per saved settings; every Exchange client is a view on it. */
  readonly createConnection: ExchangeConnectionFactory;
  /** The source of "now". */
  readonly clock: Clock;
  /** Where warnings go (skip-TLS switch on); pino's logger.warn fits. */
  readonly warn: (message: string) => void;
  /** How long a room's mailbox check may take before it counts as failed. Default 2000 ms. */
  readonly verifyTimeoutMs?: number;
  /** Saves on the other instances (PostgreSQL); absent: one process, its own saves are all there are. */
  readonly changes?: ExchangeSettingsChanges | undefined;
  /** Where a failed re-read after another instance's save is reported. */
  readonly warnError?: ((err: unknown, message: string) => void) | undefined;
}

/** Creates a room (the locations service's createRoom); used by "import rooms". */
export type CreateConnectedRoom = (input: {
  readonly floorId: string;
  readonly name: string;
  readonly capacity: number;
  readonly exchangeEmail: string;
}) => Promise<Room>;
