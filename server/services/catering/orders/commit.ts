import type { OrderChangeKind } from '../../../../shared/schemas/orders';
import { messagesFor } from '../../../domain/catering/ordersNotifications';
import type { OrderFields, OrderTransaction, StoredOrder } from '../../../ports/orders';
import { diffOf, presentOrder } from './present';
import type { OrdersServiceDeps } from './types';

export interface ChangeAuthor {
  readonly userId: string | null;
  readonly name: string;
  /** The orderer made the change themselves. */
  readonly isOrderer: boolean;
}

/** The event itself (the sync) changed the order. */
export const BY_EVENT: ChangeAuthor = { userId: null, name: 'event', isOrderer: false };

export interface Committed {
  readonly order: StoredOrder;
  readonly kind: OrderChangeKind;
}

/**
 * Writes an order change with its history entry and its outbox messages in the caller's
 * transaction, so a change and its notifications commit (or fail) together.
 */
export async function commitChange(
  deps: Pick<OrdersServiceDeps, 'clock'>,
  tx: OrderTransaction,
  change: {
    readonly id?: string;
    readonly before: OrderFields | undefined;
    readonly after: OrderFields;
    readonly kind: OrderChangeKind;
    readonly author: ChangeAuthor;
    /** Why, in the author's words (a decline's reason): kept in the history with the change. */
    readonly note?: string;
  },
): Promise<Committed> {
  const id = change.id ?? (await tx.insert(change.after));
  if (change.id !== undefined) await tx.update(id, change.after);
  const at = deps.clock.now();
  const changeId = await tx.addHistory(id, {
    kind: change.kind,
    at,
    actor: { userId: change.author.userId, name: change.author.name },
    diff: {
      ...diffOf(change.before, change.after),
      ...(change.note ? { note: { from: null, to: change.note } } : {}),
    },
  });
  const order = await tx.lock(id);
  if (!order) throw new Error(`order ${id} vanished inside its own transaction`);
  const provider = change.after.providerId === null ? undefined : await tx.catalog.provider(change.after.providerId);
  const messages = messagesFor(
    { kind: change.kind, changeId, at, byOrderer: change.author.isOrderer },
    presentOrder(order, undefined),
    provider ? { id: provider.id, contactEmail: provider.contactEmail, webhookUrl: provider.webhookUrl } : null,
  );
  await tx.enqueue(messages, at);
  return { order, kind: change.kind };
}
