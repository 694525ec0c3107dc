import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('rooms', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('floor_id').notNullable().references('floors.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.text('description').notNullable().defaultTo('');
    t.integer('capacity').notNullable();
    t.specificType('tags', 'text[]').notNullable().defaultTo('{}');
    // Polygon in floor-plan coordinates: [[x, y], ...].
    t.jsonb('shape');
    t.text('exchange_email');
    t.text('exchange_state').notNullable().defaultTo('unconnected');
    t.timestamp('exchange_checked_at', { useTz: true });
    t.text('exchange_error');
    t.boolean('bookable_internal').notNullable().defaultTo(true);
    t.boolean('bookable_external').notNullable().defaultTo(false);
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw('ALTER TABLE rooms ADD CONSTRAINT rooms_capacity_positive CHECK (capacity > 0)');
  await db.raw(
    "ALTER TABLE rooms ADD CONSTRAINT rooms_exchange_state_known CHECK (exchange_state IN ('unconnected', 'verifying', 'verified', 'failed'))",
  );
  // Email addresses are case-insensitive; one mailbox belongs to one room.
  await db.raw(
    'CREATE UNIQUE INDEX rooms_exchange_email_unique ON rooms (lower(exchange_email)) WHERE exchange_email IS NOT NULL',
  );
  await db.raw('CREATE INDEX rooms_tags_gin ON rooms USING gin (tags)');
  await db.raw('CREATE INDEX rooms_floor_idx ON rooms (floor_id)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('rooms');
}
