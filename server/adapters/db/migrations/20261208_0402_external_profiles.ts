import type { Knex } from 'knex';

// What Roomserve knows of an external beyond the user account: the company, who invited them, when
// they accepted (until then the account is inactive: invited), when an admin deactivated them, and
// when they last signed in (the admin's list of externals shows it).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('external_profiles', (t) => {
    t.uuid('user_id').primary().references('users.id').onDelete('CASCADE');
    t.text('company');
    t.uuid('invited_by').references('users.id').onDelete('SET NULL');
    t.timestamp('invited_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('accepted_at', { useTz: true });
    t.timestamp('deactivated_at', { useTz: true });
    t.timestamp('last_sign_in_at', { useTz: true });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('external_profiles');
}
