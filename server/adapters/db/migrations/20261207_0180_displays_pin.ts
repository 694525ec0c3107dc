import type { Knex } from 'knex';

// A display's optional PIN (issue 14), as a keyed hash (HMAC under the installation's secret key,
// bound to the display's id); null: no PIN.
export async function up(db: Knex): Promise<void> {
  await db.schema.alterTable('displays', (t) => {
    t.text('pin_hash');
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.alterTable('displays', (t) => {
    t.dropColumn('pin_hash');
  });
}
