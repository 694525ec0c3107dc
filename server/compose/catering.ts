import { randomBytes } from 'node:crypto';
import { createCatalogRepository } from '../adapters/db/repositories/catalog';
import { createOrderRepository } from '../adapters/db/repositories/orders';
import { createOrderCatalog } from '../adapters/db/repositories/ordersCatalog';
import { createMeetingBookings } from '../adapters/db/repositories/ordersMeetings';
import { createOutboxStore } from '../adapters/db/repositories/outbox';
import { createSmtpMailSender, type SmtpSettings } from '../adapters/mail/smtpMailSender';
import { createHttpWebhookSender } from '../adapters/webhook/httpWebhookSender';
import { createWebhookAllowListRepository } from '../adapters/db/repositories/webhookAllowList';
import type { MeetingLookup } from '../ports/meetingLookup';
import type { UserRepository } from '../ports/users';
import { createCatalogService, type CatalogService } from '../services/catering/catalog';
import type { Knex } from 'knex';
import {
  createOrderFollower,
  type OrderChangeBus,
  createOrdersService,
  type OrderFollower,
  type OrdersService,
} from '../services/catering/orders';
import { createOutboxDispatcher, type OutboxDispatcher } from '../services/catering/orders/dispatcher';
import type { Infrastructure } from './infrastructure';
import type { LocationsFeature } from './locations';

/** The catering catalog, the orders, the follower that keeps them with their meetings, and their notifications. */
export interface CateringFeature {
  readonly catalog: CatalogService;
  readonly orders: OrdersService;
  /** The sync's BookingChangeListener for orders; start() runs its sweep. */
  readonly orderFollower: OrderFollower;
  /** Sends the order notification outbox; start() polls it. */
  readonly outboxDispatcher: OutboxDispatcher;
  /** Ends the order changes' connection to other instances, if any. */
  close(): Promise<void>;
}

/** Mail server (null: email notifications are skipped) and how orders follow their meetings. */
export interface CateringSettings {
  readonly smtp?: SmtpSettings | null | undefined;
  readonly settleMs?: number | undefined;
  readonly sweepMs?: number | undefined;
  /** Several instances: the order changes every instance's facility board hears (main: LISTEN/NOTIFY). */
  readonly changes?: ((knex: Knex) => OrderChangeBus & { close(): Promise<void> }) | undefined;
}

export interface CateringFeatureDeps {
  readonly infrastructure: Pick<Infrastructure, 'knex' | 'clock' | 'logger' | 'secrets'>;
  readonly places: LocationsFeature['places'];
  /** Who ordered, and who is told (the auth feature's accounts). */
  readonly people: UserRepository;
  /** The exchange feature's lookup of Outlook items. */
  readonly meetingLookup: () => Promise<MeetingLookup | null>;
  readonly settings?: CateringSettings | undefined;
}

export function composeCatering(deps: CateringFeatureDeps): CateringFeature {
  const { knex, clock, secrets } = deps.infrastructure;
  const logger = deps.infrastructure.logger.child({ component: 'orders' });
  const settings = deps.settings ?? {};
  const webhookAllowList = createWebhookAllowListRepository(knex);
  const catalog = createCatalogService({
    catalog: createCatalogRepository(knex),
    ...deps.places,
    secrets,
    generateSecret: () => randomBytes(32).toString('base64url'),
    webhookAllowList,
  });
  const ordersDeps = {
    orders: createOrderRepository(knex),
    catalog: createOrderCatalog(knex),
    bookings: createMeetingBookings(knex),
    people: deps.people,
    clock,
    meetingLookup: deps.meetingLookup,
  };
  const changes = settings.changes?.(knex);
  const orders = changes ? createOrdersService(ordersDeps, changes) : createOrdersService(ordersDeps);
  const smtp = settings.smtp ?? null;
  const outboxDispatcher = createOutboxDispatcher({
    outbox: createOutboxStore(knex),
    mail: smtp ? createSmtpMailSender(smtp) : null,
    webhooks: createHttpWebhookSender({ timeoutMs: 10_000, internalAllowList: () => webhookAllowList.list() }),
    secrets,
    clock,
    log: { warn: (details, message) => logger.warn(details, message) },
  });
  orders.subscribe(() => outboxDispatcher.nudge());
  const orderFollower = createOrderFollower(ordersDeps, orders.bus, {
    settleMs: settings.settleMs ?? 20_000,
    sweepMs: settings.sweepMs ?? 60_000,
    onError: (err, orderId) => logger.warn({ err, orderId }, 'an order could not follow its meeting'),
  });
  return { catalog, orders, orderFollower, outboxDispatcher, close: async () => changes?.close() };
}
