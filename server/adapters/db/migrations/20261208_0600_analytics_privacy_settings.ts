import type { Knex } from 'knex';

// The installation's analytics privacy: the anonymisation age (null: the default of 90 days) and
// the works-council switch that turns off every per-person figure.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_settings', (t) => {
    t.integer('anonymise_after_days').nullable();
    t.boolean('works_council').notNullable().defaultTo(false);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('analytics_settings', (t) => {
    t.dropColumn('anonymise_after_days');
    t.dropColumn('works_council');
  });
}
