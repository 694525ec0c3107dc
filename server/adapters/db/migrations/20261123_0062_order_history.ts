import type { Knex } from 'knex';

// Every change of an order: who (a user, or the event itself), when, and what changed as a
// { field: { from, to } } diff. Its id is the change id that outbox messages are keyed on.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('order_history', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    // Entries of one order sort by this, also when the clock gives two changes the same instant.
    t.specificType('seq', 'bigint GENERATED ALWAYS AS IDENTITY');
    t.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.timestamp('at', { useTz: true }).notNullable();
    t.text('kind').notNullable();
    t.uuid('actor_user_id').references('users.id').onDelete('SET NULL');
    t.text('actor_name').notNullable();
    t.jsonb('diff').notNullable().defaultTo('{}');
    t.index(['order_id', 'seq']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('order_history');
}
