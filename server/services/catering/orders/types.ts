import { createChangeBus, type ChangeBus } from '../../../domain/changeBus';
import type { MeetingLookup } from '../../../ports/meetingLookup';
import type { OrderChangeSubscriber, MeetingBookings, OrderCatalog, OrderRepository } from '../../../ports/orders';
import type { Clock } from '../../../ports/clock';

export interface OrdersServiceDeps {
  readonly orders: OrderRepository;
  readonly catalog: OrderCatalog;
  readonly bookings: MeetingBookings;
  /** Looks up the person an admin or the facility team orders for. */
  readonly people: {
    findByEmail(email: string): Promise<{ readonly email: string; readonly name: string } | undefined>;
  };
  /** The source of "now". */
  readonly clock: Clock;
  /**
   * Reads which meeting an Outlook item is (EWS, in the asker's own mailbox); resolves null while no
   * Exchange connection is configured. Absent: orders cannot name Outlook items.
   */
  readonly meetingLookup?: () => Promise<MeetingLookup | null>;
  /** How long an order on a just-saved Outlook meeting waits for the sync to bring in its room booking. */
  readonly syncWait?: SyncWait;
}

export interface SyncWait {
  readonly attempts: number;
  readonly intervalMs: number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** About 5 s: the real-time sync usually brings a new meeting in within a second or two. */
export const DEFAULT_SYNC_WAIT: SyncWait = { attempts: 21, intervalMs: 250 };

type OrderChange = Parameters<OrderChangeSubscriber>[0];

/** In-process fan-out of committed order changes (the board's live stream). */
export type OrderChangeBus = Pick<ChangeBus<OrderChange>, 'publish' | 'subscribe'>;

export const createOrderChangeBus = (): OrderChangeBus => createChangeBus<OrderChange>();
