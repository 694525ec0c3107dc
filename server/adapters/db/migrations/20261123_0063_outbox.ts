import type { Knex } from 'knex';

// The transactional outbox: messages written in the same transaction as the order change they
// announce, sent later by the dispatcher. One row per recipient and channel; the unique dedupe key
// (order, change, channel, recipient) makes sure one change never reaches one recipient twice.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('outbox', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    // Insertion order: messages of one order go out in the order its changes happened.
    t.specificType('seq', 'bigint GENERATED ALWAYS AS IDENTITY');
    t.text('dedupe_key').notNullable().unique();
    t.uuid('order_id').references('orders.id').onDelete('SET NULL');
    t.uuid('change_id').notNullable();
    t.text('kind').notNullable();
    t.text('channel').notNullable();
    t.text('recipient').notNullable();
    // The provider whose webhook secret signs the message; read when sending, never copied here.
    t.uuid('provider_id');
    t.jsonb('payload').notNullable();
    t.text('state').notNullable().defaultTo('pending');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.text('last_error');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('sent_at', { useTz: true });
  });
  await db.raw(
    "ALTER TABLE outbox ADD CONSTRAINT outbox_known CHECK (channel IN ('email', 'webhook') AND state IN ('pending', 'sent', 'failed', 'skipped'))",
  );
  await db.raw("CREATE INDEX outbox_due_idx ON outbox (next_attempt_at) WHERE state = 'pending'");
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('outbox');
}
