import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  ORDER_CHANGES_CHANNEL,
  createPgOrderChanges,
  type PgOrderChanges,
} from '../../server/adapters/orderChanges/postgres';
import type { OrderChangeSubscriber } from '../../server/ports/orders';
import { createTestDatabase, type TestDatabase } from '../support/testDatabase';

/**
 * The facility board's order changes between two instances on one PostgreSQL: a change published
 * on A reaches B's subscribers, A's own once, and a foreign or broken message on the channel is
 * dropped. Other test files share the channel, so each test follows only its own order ids.
 */

type OrderChange = Parameters<OrderChangeSubscriber>[0];

const onPostgres = process.env.TEST_DB === 'postgres' ? describe : describe.skip;

onPostgres('order changes across instances (LISTEN/NOTIFY)', () => {
  let db: TestDatabase;
  let a: PgOrderChanges;
  let b: PgOrderChanges;

  const instance = (): PgOrderChanges =>
    createPgOrderChanges({ connectionString: process.env.DATABASE_URL ?? '', knex: db.knex, reconnectMs: 100 });

  /** The changes `changes` tells about this order id, as they arrive. */
  function heard(changes: PgOrderChanges, orderId: string): OrderChange[] {
    const seen: OrderChange[] = [];
    changes.subscribe((change) => {
      if (change.orderId === orderId) seen.push(change);
    });
    return seen;
  }

  async function until(check: () => boolean, ms = 1_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('the order change did not arrive within 1 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    a = instance();
    b = instance();
    await Promise.all([a.ready(), b.ready()]);
  });

  afterAll(async () => {
    await Promise.all([a.close(), b.close()]);
    await db.close();
  });

  it('tells instance B of a change on instance A within 1 s, and A’s own subscribers once', async () => {
    const orderId = randomUUID();
    const onA = heard(a, orderId);
    const onB = heard(b, orderId);
    a.publish({ orderId, kind: 'status-change' });
    expect(onA).toEqual([{ orderId, kind: 'status-change' }]);
    await until(() => onB.length > 0);
    // A's NOTIFY comes back to A too; it must not be told twice.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(onA).toHaveLength(1);
    expect(onB).toEqual([{ orderId, kind: 'status-change' }]);
  });

  it('drops messages on the channel that are not order changes', async () => {
    const orderId = randomUUID();
    const onB = heard(b, orderId);
    const everything: OrderChange[] = [];
    b.subscribe((change) => everything.push(change));
    await db.knex.raw('SELECT pg_notify(?, ?)', [ORDER_CHANGES_CHANNEL, 'not json']);
    await db.knex.raw('SELECT pg_notify(?, ?)', [
      ORDER_CHANGES_CHANNEL,
      JSON.stringify({ from: 'elsewhere', change: { orderId: 42 } }),
    ]);
    await db.knex.raw('SELECT pg_notify(?, ?)', [
      ORDER_CHANGES_CHANNEL,
      JSON.stringify({ from: 'elsewhere', change: { orderId, kind: 'no-such-kind' } }),
    ]);
    a.publish({ orderId, kind: 'needs-attention' });
    await until(() => onB.length > 0);
    expect(everything.filter((change) => typeof change.orderId !== 'string')).toEqual([]);
    expect(onB).toEqual([{ orderId, kind: 'needs-attention' }]);
  });
});
