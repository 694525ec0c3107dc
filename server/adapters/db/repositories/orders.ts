import type { Knex } from 'knex';
import type {
  BoardFilter,
  MeetingIdentity,
  OrderFields,
  OrderListFilter,
  OrderRepository,
  OrderTransaction,
  StoredHistory,
  StoredOrder,
} from '../../../ports/orders';
import { translateTextError } from './locationRows';
import { createOrderCatalog } from './ordersCatalog';
import { createMeetingBookings } from './ordersMeetings';
import {
  ORDER_COLUMNS,
  ORDER_FROM,
  toHistory,
  toLine,
  toOrder,
  type HistoryRow,
  type LineRow,
  type OrderRow,
} from './ordersRows';

const OPEN = ['requested', 'accepted', 'in-preparation'];
const iso = (d: Date | null): string | null => (d === null ? null : d.toISOString());

function columnsOf(o: OrderFields): Record<string, unknown> {
  return {
    booking_id: o.bookingId,
    awaiting_meeting: o.awaitingMeeting,
    clean_global_object_id: o.meeting.cleanGlobalObjectId,
    uid: o.meeting.uid,
    original_start: iso(o.meeting.originalStart),
    subject: o.subject,
    event_start: o.eventStart.toISOString(),
    event_end: o.eventEnd.toISOString(),
    room_id: o.roomId,
    provider_id: o.providerId,
    provider_name: o.providerName,
    status: o.status,
    attention: JSON.stringify(o.attention),
    delivery_kind: o.delivery.kind,
    delivery_minutes: o.delivery.minutes ?? null,
    delivery_at: o.deliveryAt.toISOString(),
    headcount: o.headcount,
    follow_attendees: o.followAttendees,
    cost_center: o.costCenter,
    notes: o.notes,
    dietary_remarks: o.dietaryRemarks,
    currency: o.currency,
    total_minor: o.totalMinor,
    orderer_email: o.orderer.email,
    orderer_name: o.orderer.name,
    placed_by_user_id: o.placedBy.userId,
    placed_by_name: o.placedBy.name,
    series_group_id: o.seriesGroupId,
    change_cutoff_at: o.changeCutoffAt.toISOString(),
    cancel_check_after: iso(o.cancelCheckAfter),
  };
}

async function withLines(db: Knex, rows: readonly OrderRow[]): Promise<StoredOrder[]> {
  if (rows.length === 0) return [];
  const lines = await db<LineRow>('order_lines')
    .whereIn(
      'order_id',
      rows.map((r) => r.id),
    )
    .orderBy(['order_id', 'position']);
  return rows.map((row) => toOrder(row, lines.filter((l) => l.order_id === row.id).map(toLine)));
}

async function selectOrders(
  db: Knex,
  where: string,
  args: readonly Knex.RawBinding[],
  tail = '',
): Promise<StoredOrder[]> {
  const result = await db.raw<{ rows: OrderRow[] }>(
    `SELECT ${ORDER_COLUMNS} FROM ${ORDER_FROM} WHERE ${where} ${tail}`,
    [...args],
  );
  return withLines(db, result.rows);
}

async function writeLines(db: Knex, orderId: string, o: OrderFields): Promise<void> {
  await db('order_lines').where({ order_id: orderId }).delete();
  if (o.lines.length === 0) return;
  // item_id links to the catalog while the item exists; item_ref keeps the id after it is deleted.
  const existing = new Set(
    (
      await db('catering_items')
        .whereIn(
          'id',
          o.lines.map((l) => l.itemId),
        )
        .select<{ id: string }[]>('id')
    ).map((r) => r.id),
  );
  await db('order_lines').insert(
    o.lines.map((l, position) => ({
      order_id: orderId,
      position,
      item_id: existing.has(l.itemId) ? l.itemId : null,
      item_ref: l.itemId,
      name: l.name,
      unit: l.unit,
      quantity: l.quantity,
      unit_price_minor: l.unitPriceMinor,
      total_minor: l.totalMinor,
    })),
  );
}

function transactionOf(trx: Knex.Transaction): OrderTransaction {
  return {
    catalog: createOrderCatalog(trx),
    bookings: createMeetingBookings(trx),
    async lock(id) {
      const [order] = await selectOrders(trx, 'o.id = ?', [id], 'FOR UPDATE OF o');
      return order;
    },
    async insert(order) {
      try {
        const [row] = await trx('orders').insert(columnsOf(order)).returning<{ id: string }[]>('id');
        if (!row) throw new Error('insert returned no id');
        await writeLines(trx, row.id, order);
        return row.id;
      } catch (err) {
        throw translateTextError(err);
      }
    },
    async update(id, order) {
      try {
        await trx('orders')
          .where({ id })
          .update({ ...columnsOf(order), updated_at: trx.fn.now() });
        await writeLines(trx, id, order);
      } catch (err) {
        throw translateTextError(err);
      }
    },
    async markFollowed(id, cancelCheckAfter) {
      await trx('orders')
        .where({ id })
        .update({ followed_at: trx.fn.now(), cancel_check_after: iso(cancelCheckAfter) });
    },
    async addHistory(orderId, entry) {
      const [row] = await trx('order_history')
        .insert({
          order_id: orderId,
          at: entry.at.toISOString(),
          kind: entry.kind,
          actor_user_id: entry.actor.userId,
          actor_name: entry.actor.name,
          diff: JSON.stringify(entry.diff),
        })
        .returning<{ id: string }[]>('id');
      if (!row) throw new Error('history insert returned no id');
      return row.id;
    },
    async enqueue(messages, at) {
      if (messages.length === 0) return;
      await trx('outbox')
        .insert(
          messages.map((m) => ({
            dedupe_key: m.dedupeKey,
            order_id: m.orderId,
            change_id: m.changeId,
            kind: m.kind,
            channel: m.channel,
            recipient: m.recipient,
            provider_id: m.providerId,
            payload: JSON.stringify(m.payload),
            next_attempt_at: at.toISOString(),
            created_at: at.toISOString(),
          })),
        )
        // A change is enqueued once per recipient and channel, however often it is retried.
        .onConflict('dedupe_key')
        .ignore();
    },
  };
}

function identityClause(meetings: readonly MeetingIdentity[]): { sql: string; args: Knex.RawBinding[] } {
  const parts: string[] = [];
  const args: Knex.RawBinding[] = [];
  for (const m of meetings) {
    const start = m.originalStart === null ? 'o.original_start IS NULL' : 'o.original_start = CAST(? AS timestamptz)';
    const startArgs = m.originalStart === null ? [] : [m.originalStart.toISOString()];
    if (m.cleanGlobalObjectId !== null) {
      parts.push(`(o.clean_global_object_id = ? AND ${start})`);
      args.push(m.cleanGlobalObjectId, ...startArgs);
    } else if (m.uid !== null) {
      parts.push(`(o.uid = ? AND ${start})`);
      args.push(m.uid, ...startArgs);
    }
  }
  return { sql: parts.length === 0 ? 'false' : parts.join(' OR '), args };
}

/** Every occurrence of a meeting: the identity without its original start. */
function seriesClause(m: MeetingIdentity): { sql: string; args: Knex.RawBinding[] } {
  if (m.cleanGlobalObjectId !== null) return { sql: 'o.clean_global_object_id = ?', args: [m.cleanGlobalObjectId] };
  if (m.uid !== null) return { sql: 'o.uid = ?', args: [m.uid] };
  return { sql: 'false', args: [] };
}

/**
 * An order waiting for its meeting to be sent has no booking, yet needs the sweep only once the
 * room's booking of that meeting exists (a missed notification) or its meeting has started; left
 * in every sweep, many of them would crowd the others out of its batch.
 */
const MEETING_NOW_BOOKED = `EXISTS (SELECT 1 FROM bookings w
  WHERE w.status IN ('confirmed', 'pending') AND w.original_start IS NOT DISTINCT FROM o.original_start
    AND (w.clean_global_object_id = o.clean_global_object_id
      OR (o.clean_global_object_id IS NULL AND w.uid = o.uid)))`;

export function createOrderRepository(db: Knex): OrderRepository {
  return {
    transaction: (work) => db.transaction((trx) => work(transactionOf(trx))),
    async findById(id) {
      const [order] = await selectOrders(db, 'o.id = ?', [id]);
      return order;
    },
    async history(id): Promise<StoredHistory[]> {
      const rows = await db('order_history')
        .where('order_id', id)
        .orderBy('seq')
        .select<HistoryRow[]>('id', 'at', 'kind', 'actor_user_id', 'actor_name', 'diff');
      return rows.map(toHistory);
    },
    listForOrderer: (email: string, filter: OrderListFilter) => {
      const where = ['lower(o.orderer_email) = lower(?)'];
      const args: Knex.RawBinding[] = [email];
      if (filter.from) {
        where.push('o.delivery_at >= ?');
        args.push(filter.from.toISOString());
      }
      if (filter.to) {
        where.push('o.delivery_at < ?');
        args.push(filter.to.toISOString());
      }
      if (filter.openOnly) {
        where.push(`o.status IN (${OPEN.map(() => '?').join(', ')})`);
        args.push(...OPEN);
      }
      return selectOrders(db, where.join(' AND '), args, 'ORDER BY o.delivery_at, o.id LIMIT 500');
    },
    listDelivering: (filter: BoardFilter) => {
      const where = ['o.delivery_at >= ?', 'o.delivery_at < ?'];
      const args: Knex.RawBinding[] = [filter.from.toISOString(), filter.to.toISOString()];
      if (filter.buildingId) {
        where.push('f.building_id = ?');
        args.push(filter.buildingId);
      }
      if (filter.attentionOnly)
        where.push("jsonb_array_length(o.attention) > 0 AND o.status IN ('requested', 'accepted', 'in-preparation')");
      return selectOrders(
        db,
        where.join(' AND '),
        args,
        'ORDER BY o.delivery_at, bd.name, r.name, o.created_at, o.id LIMIT 2000',
      );
    },
    ofMeeting(meeting, everyOccurrence) {
      const identity = everyOccurrence ? seriesClause(meeting) : identityClause([meeting]);
      return selectOrders(db, identity.sql, identity.args, 'ORDER BY o.delivery_at, o.id LIMIT 500');
    },
    async openOrdersOf(bookingIds, meetings) {
      const identity = identityClause(meetings);
      const byBooking = bookingIds.length === 0 ? 'false' : `o.booking_id IN (${bookingIds.map(() => '?').join(', ')})`;
      const result = await db.raw<{ rows: { id: string }[] }>(
        `SELECT o.id FROM orders o WHERE o.status IN ('requested', 'accepted', 'in-preparation')
           AND (${byBooking} OR ${identity.sql}) ORDER BY o.delivery_at, o.id`,
        [...bookingIds, ...identity.args],
      );
      return result.rows.map((r) => r.id);
    },
    async ordersToFollow(now, limit) {
      const result = await db.raw<{ rows: { id: string }[] }>(
        `SELECT o.id FROM orders o LEFT JOIN bookings b ON b.id = o.booking_id
          WHERE o.status IN ('requested', 'accepted', 'in-preparation')
            AND (o.cancel_check_after <= CAST(? AS timestamptz)
              OR (o.awaiting_meeting AND ${MEETING_NOW_BOOKED})
              OR (NOT o.awaiting_meeting AND (b.id IS NULL OR b.updated_at > o.followed_at)))
          ORDER BY o.delivery_at LIMIT ?`,
        [now.toISOString(), limit],
      );
      return result.rows.map((r) => r.id);
    },
  };
}
