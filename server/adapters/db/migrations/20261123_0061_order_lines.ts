import type { Knex } from 'knex';

// What an order holds, with the item's name, unit and price as they were when ordered.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('order_lines', (t) => {
    t.uuid('order_id').notNullable().references('orders.id').onDelete('CASCADE');
    t.integer('position').notNullable();
    t.uuid('item_id').references('catering_items.id').onDelete('SET NULL');
    t.uuid('item_ref').notNullable();
    t.text('name').notNullable();
    t.text('unit').notNullable();
    t.integer('quantity').notNullable();
    t.bigInteger('unit_price_minor').notNullable();
    t.bigInteger('total_minor').notNullable();
    t.primary(['order_id', 'position']);
    t.index(['item_id']);
  });
  await db.raw(
    "ALTER TABLE order_lines ADD CONSTRAINT order_lines_sane CHECK (quantity > 0 AND unit IN ('per-person', 'per-item'))",
  );
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('order_lines');
}
