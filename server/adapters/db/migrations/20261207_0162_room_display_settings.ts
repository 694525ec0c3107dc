import type { Knex } from 'knex';

// A room's own display settings; a null column follows the installation's (display_settings).
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('room_display_settings', (t) => {
    t.uuid('room_id').primary().references('rooms.id').onDelete('CASCADE');
    t.boolean('show_subjects');
    t.boolean('show_organizers');
    t.boolean('check_in_required');
    t.integer('check_in_before_minutes');
    t.integer('check_in_after_minutes');
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('room_display_settings');
}
