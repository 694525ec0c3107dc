import type { Knex } from 'knex';

// The rooms an employee starred: the /events overview shows their availability.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('favourite_rooms', (t) => {
    t.uuid('user_id').notNullable().references('users.id').onDelete('CASCADE');
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.primary(['user_id', 'room_id']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('favourite_rooms');
}
