import type { Knex } from 'knex';

// Who gets the weekly analytics email (docs/analytics.md): a list of addresses admins keep in the
// analytics settings. One report per week and recipient goes through the outbox.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_settings', (t) => {
    t.jsonb('report_recipients').notNullable().defaultTo('[]');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_settings', (t) => {
    t.dropColumn('report_recipients');
  });
}
