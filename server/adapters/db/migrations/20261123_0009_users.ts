import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('users', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('email').notNullable();
    t.text('name').notNullable();
    t.text('role').notNullable();
    t.text('password_hash');
    t.boolean('active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
  await db.raw(
    "ALTER TABLE users ADD CONSTRAINT users_role_known CHECK (role IN ('admin', 'facility', 'employee', 'external'))",
  );
  await db.raw('CREATE UNIQUE INDEX users_email_unique ON users (lower(email))');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('users');
}
