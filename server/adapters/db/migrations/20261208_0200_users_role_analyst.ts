import type { Knex } from 'knex';

// The analyst role: an employee who may also read the room analytics.
export async function up(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE users DROP CONSTRAINT users_role_known');
  await db.raw(
    "ALTER TABLE users ADD CONSTRAINT users_role_known CHECK (role IN ('admin', 'facility', 'analyst', 'employee', 'external'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.raw('ALTER TABLE users DROP CONSTRAINT users_role_known');
  await db.raw(
    "ALTER TABLE users ADD CONSTRAINT users_role_known CHECK (role IN ('admin', 'facility', 'employee', 'external'))",
  );
}
