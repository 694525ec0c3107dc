import type { Knex } from 'knex';

// Who delivers catering or facility services. The webhook signing secret is stored sealed with
// AES-256-GCM (adapters/crypto/secretBox.ts), like the Exchange password, never in clear.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('catering_providers', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('name').notNullable();
    t.text('kind').notNullable();
    t.text('contact_email').notNullable();
    t.text('webhook_url');
    t.text('webhook_secret_sealed');
    // { mon: [{ open: "07:00", close: "18:00" }], ... } in the served building's zone; a missing weekday is closed.
    t.jsonb('working_hours').notNullable().defaultTo('{}');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    "ALTER TABLE catering_providers ADD CONSTRAINT catering_providers_kind CHECK (kind IN ('internal-kitchen', 'external-caterer', 'facility-service'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('catering_providers');
}
