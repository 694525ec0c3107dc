import type { Knex } from 'knex';
import { z } from 'zod';
import { orderChangeKindSchema } from '../../../shared/schemas/orders';
import type { OrderChangeSubscriber } from '../../ports/orders';
import { createPgNotifications } from '../db/pgNotifications';

/** NOTIFY channels are per database, so the instances of one installation share this one. */
export const ORDER_CHANGES_CHANNEL = 'roomserve_order_changes';
const APPLICATION_NAME = 'roomserve order changes';

type OrderChange = Parameters<OrderChangeSubscriber>[0];

const changeSchema = z.object({ orderId: z.string(), kind: orderChangeKindSchema });

export interface PgOrderChanges {
  publish(change: OrderChange): void;
  subscribe(subscriber: (change: OrderChange) => void): () => void;
  close(): Promise<void>;
  /** Resolves once this instance listens (tests wait for it before publishing elsewhere). */
  ready(): Promise<void>;
}

export interface PgOrderChangesOptions {
  /** The LISTEN connection's own database URL (a pooled connection cannot hold a LISTEN). */
  readonly connectionString: string;
  /** Sends the NOTIFY (the app's pool). */
  readonly knex: Knex;
  readonly onError?: (err: unknown) => void;
  readonly reconnectMs?: number;
}

/**
 * The facility board's order changes across instances on one PostgreSQL (LISTEN/NOTIFY, see
 * db/pgNotifications): a board whose live stream another instance serves than the one that changed
 * the order still hears of it. Nothing is replayed after the LISTEN connection comes back: a board
 * reloads when its own stream reconnects.
 */
export function createPgOrderChanges(options: PgOrderChangesOptions): PgOrderChanges {
  const notifications = createPgNotifications<OrderChange>({
    channel: ORDER_CHANGES_CHANNEL,
    connectionString: options.connectionString,
    knex: options.knex,
    applicationName: APPLICATION_NAME,
    parse: (message) => {
      const parsed = changeSchema.safeParse(message);
      return parsed.success ? parsed.data : undefined;
    },
    onError: options.onError,
    reconnectMs: options.reconnectMs,
  });
  return {
    // Local subscribers are told before this returns; the NOTIFY to the others reports its own
    // failures to onError, so the caller (a synchronous bus) has nothing to wait for.
    publish: (change) => void notifications.publish(change),
    subscribe: (subscriber) => notifications.subscribe(subscriber),
    close: () => notifications.close(),
    ready: () => notifications.ready(),
  };
}
