import type { Knex } from 'knex';

// The buildings a provider delivers to; deleting either side forgets the link.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('catering_provider_buildings', (t) => {
    t.uuid('provider_id').notNullable().references('catering_providers.id').onDelete('CASCADE');
    t.uuid('building_id').notNullable().references('buildings.id').onDelete('CASCADE');
    t.primary(['provider_id', 'building_id']);
    t.index(['building_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('catering_provider_buildings');
}
