import type { Knex } from 'knex';

// Internal addresses or networks (CIDR) that provider webhooks may reach: an internal caterer's
// system. Everything internal that is not listed here is refused (issue #20). Admins edit it.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('webhook_allow_list', (t) => {
    t.text('entry').primary();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('webhook_allow_list');
}
