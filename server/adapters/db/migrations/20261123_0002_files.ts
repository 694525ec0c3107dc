import type { Knex } from 'knex';

// Uploaded images live in the database so that several server instances share them.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('files', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('content_type').notNullable();
    t.integer('size_bytes').notNullable();
    t.integer('width');
    t.integer('height');
    t.text('sha256').notNullable();
    t.binary('content').notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('files');
}
