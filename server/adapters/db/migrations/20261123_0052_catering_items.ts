import type { Knex } from 'knex';

// What a provider offers. A provider with items cannot be deleted by accident (RESTRICT): the
// service deletes the items first when asked to cascade.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('catering_items', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('provider_id').notNullable().references('catering_providers.id').onDelete('RESTRICT');
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.text('category').notNullable();
    // Minor units (cents) as an integer: money is never a float.
    t.integer('price_minor').notNullable();
    t.text('currency').notNullable();
    t.text('unit').notNullable();
    t.jsonb('dietary').notNullable().defaultTo('[]');
    t.jsonb('allergens').notNullable().defaultTo('[]');
    t.uuid('image_file_id').references('files.id').onDelete('SET NULL');
    t.integer('lead_time_hours').notNullable();
    t.integer('change_cutoff_hours').notNullable();
    // null: whenever the provider works; otherwise { mon: [{ from: "07:00", to: "11:00" }], ... }.
    t.jsonb('availability');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['provider_id', 'category']);
  });
  await db.raw(
    'ALTER TABLE catering_items ADD CONSTRAINT catering_items_amounts CHECK (price_minor >= 0 AND lead_time_hours >= 0 AND change_cutoff_hours >= 0)',
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('catering_items');
}
