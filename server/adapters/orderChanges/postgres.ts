import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import pg from 'pg';
import { z } from 'zod';
import { createChangeBus } from '../../domain/changeBus';
import type { OrderChangeSubscriber } from '../../ports/orders';

/** NOTIFY channels are per database, so the instances of one installation share this one. */
export const ORDER_CHANGES_CHANNEL = 'roomserve_order_changes';
const APPLICATION_NAME = 'roomserve order changes';
const MAX_RECONNECT_MS = 30_000;

type OrderChange = Parameters<OrderChangeSubscriber>[0];

const messageSchema = z.object({
  from: z.string(),
  change: z.object({ orderId: z.string(), kind: z.string() }),
});

export interface PgOrderChanges {
  publish(change: OrderChange): void;
  subscribe(subscriber: (change: OrderChange) => void): () => void;
  close(): Promise<void>;
}

export interface PgOrderChangesOptions {
  /** The LISTEN connection's own database URL (a pooled connection cannot hold a LISTEN). */
  readonly connectionString: string;
  /** Sends the NOTIFY (the app's pool). */
  readonly knex: Knex;
  readonly onError?: (err: unknown) => void;
  readonly reconnectMs?: number;
}

function parse(payload: string | undefined): { from: string; change: OrderChange } | undefined {
  if (payload === undefined) return undefined;
  try {
    const parsed = messageSchema.safeParse(JSON.parse(payload));
    // The kind is passed on as sent: every instance runs the same release behind one balancer.
    return parsed.success ? { from: parsed.data.from, change: parsed.data.change as OrderChange } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The facility board's order changes across instances on one PostgreSQL: a board whose live
 * stream another instance serves than the one that changed the order still hears of it. Local
 * subscribers are told at once; other instances through NOTIFY on a dedicated LISTEN connection,
 * which reconnects with back-off (a board reloads on reconnect of its own stream anyway).
 */
export function createPgOrderChanges(options: PgOrderChangesOptions): PgOrderChanges {
  const instance = randomUUID();
  const bus = createChangeBus<OrderChange>();
  const onError = options.onError ?? (() => undefined);
  const firstDelay = options.reconnectMs ?? 1_000;
  let delay = firstDelay;
  let client: pg.Client | null = null;
  let timer: NodeJS.Timeout | null = null;
  let closed = false;
  let listening: Promise<void>;

  function lose(dead: pg.Client): void {
    if (client !== dead) return;
    client = null;
    if (closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      listening = listen();
    }, delay);
    timer.unref();
    delay = Math.min(delay * 2, MAX_RECONNECT_MS);
  }

  async function listen(): Promise<void> {
    const fresh = new pg.Client({
      connectionString: options.connectionString,
      keepAlive: true,
      application_name: APPLICATION_NAME,
    });
    fresh.on('error', (err) => {
      onError(err);
      lose(fresh);
    });
    fresh.on('end', () => lose(fresh));
    fresh.on('notification', (message) => {
      const parsed = parse(message.payload);
      if (parsed && parsed.from !== instance) bus.publish(parsed.change);
    });
    client = fresh;
    try {
      await fresh.connect();
      await fresh.query(`LISTEN ${ORDER_CHANGES_CHANNEL}`);
      delay = firstDelay;
    } catch (err) {
      onError(err);
      lose(fresh);
      await fresh.end().catch(() => undefined);
    }
  }

  listening = listen();
  return {
    publish(change) {
      bus.publish(change);
      options.knex
        .raw('SELECT pg_notify(?, ?)', [ORDER_CHANGES_CHANNEL, JSON.stringify({ from: instance, change })])
        .catch(onError);
    },
    subscribe: (subscriber) => bus.subscribe(subscriber),
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await listening;
      const open = client;
      client = null;
      if (open) await open.end().catch(() => undefined);
    },
  };
}
