import type { Knex } from 'knex';

// Catering and facility service orders. An order belongs to one meeting occurrence (clean global
// object id or UID, plus the original start) and to the booking it was placed on; when the sync
// replaces that booking (a room swap), the order moves to the meeting's new booking.
// `event_start`/`event_end` and `room_id` are the event as last agreed with the provider; the
// provider and items may be deleted from the catalog later, so the order keeps their names.
export async function up(db: Knex): Promise<void> {
  await db.schema.createTable('orders', (t) => {
    t.uuid('id').primary().defaultTo(db.raw('gen_random_uuid()'));
    t.uuid('booking_id').references('bookings.id').onDelete('SET NULL');
    t.text('clean_global_object_id');
    t.text('uid');
    t.timestamp('original_start', { useTz: true });
    t.text('subject').notNullable().defaultTo('');
    t.timestamp('event_start', { useTz: true }).notNullable();
    t.timestamp('event_end', { useTz: true }).notNullable();
    t.uuid('room_id').notNullable().references('rooms.id').onDelete('CASCADE');
    t.uuid('provider_id').references('catering_providers.id').onDelete('SET NULL');
    t.text('provider_name').notNullable();
    t.text('status').notNullable();
    // Reasons the order needs attention (AttentionReason[]); empty when it does not.
    t.jsonb('attention').notNullable().defaultTo('[]');
    t.text('delivery_kind').notNullable();
    t.integer('delivery_minutes');
    t.timestamp('delivery_at', { useTz: true }).notNullable();
    t.integer('headcount').notNullable();
    t.boolean('follow_attendees').notNullable().defaultTo(false);
    t.text('cost_center').notNullable().defaultTo('');
    t.text('notes').notNullable().defaultTo('');
    t.text('dietary_remarks').notNullable().defaultTo('');
    t.text('currency').notNullable();
    t.bigInteger('total_minor').notNullable();
    t.text('orderer_email').notNullable();
    t.text('orderer_name').notNullable();
    t.uuid('placed_by_user_id').references('users.id').onDelete('SET NULL');
    t.text('placed_by_name').notNullable();
    t.uuid('series_group_id');
    // Set while the order's booking is cancelled and no other live booking of the meeting is
    // known yet: a room swap arrives as a cancellation here and, maybe later, a new booking in
    // the other room's sync. The order is cancelled by its event only after this instant.
    t.timestamp('cancel_check_after', { useTz: true });
    // Until then the orderer may edit or cancel: the strictest item cut-off before delivery.
    t.timestamp('change_cutoff_at', { useTz: true }).notNullable();
    // When the order last looked at its booking; a booking updated after it is re-evaluated by
    // the periodic sweep, so a lost sync notification is caught up.
    t.timestamp('followed_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(db.fn.now());
    t.index(['booking_id']);
    t.index(['clean_global_object_id', 'original_start']);
    t.index(['delivery_at']);
    t.index(['orderer_email']);
  });
  await db.raw(
    "ALTER TABLE orders ADD CONSTRAINT orders_status_known CHECK (status IN ('requested', 'accepted', 'in-preparation', 'delivered', 'declined', 'cancelled', 'cancelled-by-event'))",
  );
  await db.raw(
    "ALTER TABLE orders ADD CONSTRAINT orders_delivery_known CHECK (delivery_kind IN ('at-start', 'before-start', 'after-start', 'at-end'))",
  );
  await db.raw('ALTER TABLE orders ADD CONSTRAINT orders_amounts CHECK (headcount > 0 AND total_minor >= 0)');
}

export async function down(db: Knex): Promise<void> {
  await db.schema.dropTable('orders');
}
