import { stringify } from 'csv-stringify/sync';
import type { Order } from '../../../../shared/schemas/orders';
import { wallClock } from '../../../domain/catering/ordersTiming';

const COLUMNS = [
  'order_id',
  'status',
  'needs_attention',
  'delivery_date',
  'delivery_time',
  'time_zone',
  'building',
  'room',
  'meeting',
  'provider',
  'item',
  'unit',
  'quantity',
  'headcount',
  'quantity_to_deliver',
  'unit_price_minor',
  'line_total_minor',
  'order_total_minor',
  'currency',
  'cost_center',
  'orderer_name',
  'orderer_email',
  'dietary_remarks',
  'notes',
];

// Spreadsheets run cells starting with = + - @ as formulas; a leading quote keeps them text.
const safe = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** One row per order line; quoting is csv-stringify's. */
export function ordersCsv(orders: readonly Order[]): string {
  const rows = orders.flatMap((o) => {
    const local = wallClock(new Date(o.deliveryAt), o.timeZone);
    return o.lines.map((l) => [
      o.id,
      o.status,
      o.attention.join(' '),
      local.date,
      local.time,
      o.timeZone,
      safe(o.buildingName),
      safe(o.roomName),
      safe(o.meeting.subject),
      safe(o.providerName),
      safe(l.name),
      l.unit,
      l.quantity,
      o.headcount,
      l.quantityToDeliver,
      l.unitPriceMinor,
      l.totalMinor,
      o.totalMinor,
      o.currency,
      safe(o.costCenter),
      safe(o.orderer.name),
      o.orderer.email,
      safe(o.dietaryRemarks),
      safe(o.notes),
    ]);
  });
  return stringify(rows, { header: true, columns: COLUMNS, bom: true });
}
