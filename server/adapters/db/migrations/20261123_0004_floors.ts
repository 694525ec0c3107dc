import type { Knex } from 'knex';

export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('floors', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('building_id').notNullable().references('buildings.id').onDelete('CASCADE');
    t.text('name').notNullable();
    t.integer('level').notNullable();
    t.uuid('plan_file_id').references('files.id').onDelete('SET NULL');
    t.integer('plan_width');
    t.integer('plan_height');
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.unique(['building_id', 'level']);
  });
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('floors');
}
