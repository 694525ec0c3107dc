import type { Knex } from 'knex';

// Which Roomserve user an Outlook add-in user (Exchange identity token: msexchuid + amurl) is, once
// known: learnt from EWS or from a one-time sign-in in the taskpane (docs/addin.md, "Who is it?").
// One Exchange identity names one user; deleting the user removes its links.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('addin_identity_links', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.text('exchange_user_id').notNullable();
    t.text('metadata_url').notNullable();
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('last_used_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['exchange_user_id', 'metadata_url'], { indexName: 'addin_identity_links_identity_key' });
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('addin_identity_links');
}
