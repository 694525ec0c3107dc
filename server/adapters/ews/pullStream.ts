import * as ews from 'ews-javascript-api';
import { GatewayError, type CalendarStream, type StreamHandlers } from '../../ports/calendarGateway';
import type { EwsConnection } from './connection';
import { toGatewayError } from './errors';
import type { Runner } from './resilience';

/**
 * Pull notifications for room calendars: where streaming is refused (an old front end, a proxy that
 * cuts hanging connections), a pull subscription per mailbox is polled with GetEvents. Costs one
 * request per mailbox and poll, so it is the fallback, not the default. The subscription expires
 * after `SUBSCRIPTION_TIMEOUT_MINUTES` without a poll; a failed poll ends the stream (onClosed) and
 * the caller decides when to try streaming again.
 */

/** Minutes Exchange keeps an unpolled pull subscription (1..1440). */
const SUBSCRIPTION_TIMEOUT_MINUTES = 10;

export async function openPullStream(
  connection: EwsConnection,
  run: Runner,
  mailboxes: readonly string[],
  handlers: StreamHandlers,
  intervalMs: number,
): Promise<CalendarStream> {
  if (mailboxes.length === 0) throw new GatewayError('bad-request', 'A pull stream needs at least one mailbox');
  const url = connection.settings.url;
  const settled = await Promise.allSettled(
    mailboxes.map(async (mailbox) => {
      const subscription = await run(() =>
        connection
          .impersonating(mailbox)
          .SubscribeToPullNotifications(
            [new ews.FolderId(ews.WellKnownFolderName.Calendar)],
            SUBSCRIPTION_TIMEOUT_MINUTES,
            '',
            ews.EventType.Created,
            ews.EventType.Modified,
            ews.EventType.Deleted,
            ews.EventType.Moved,
            ews.EventType.Copied,
          ),
      );
      return { mailbox, subscription };
    }),
  );
  const subscriptions = settled.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const refused = settled.find((s) => s.status === 'rejected');
  if (refused) {
    await Promise.allSettled(subscriptions.map(({ subscription }) => run(() => subscription.Unsubscribe())));
    throw toGatewayError(refused.reason, url);
  }

  let finished = false;
  let timer: NodeJS.Timeout | null = null;
  const finish = (error?: GatewayError): void => {
    if (finished) return;
    finished = true;
    if (timer) clearTimeout(timer);
    handlers.onClosed(error);
  };

  async function pollOnce(): Promise<void> {
    await Promise.all(
      subscriptions.map(async ({ mailbox, subscription }) => {
        let more = true;
        while (more && !finished) {
          const results = await run(() => subscription.GetEvents());
          if (results.ItemEvents.length > 0 || results.FolderEvents.length > 0) handlers.onChange(mailbox);
          more = subscription.MoreEventsAvailable;
        }
      }),
    );
  }

  const schedule = (): void => {
    if (finished) return;
    timer = setTimeout(() => {
      timer = null;
      pollOnce().then(schedule, (err: unknown) => finish(toGatewayError(err, url)));
    }, intervalMs);
    timer.unref();
  };
  schedule();

  return {
    mailboxes: [...mailboxes],
    async close() {
      finished = true;
      if (timer) clearTimeout(timer);
      await Promise.allSettled(subscriptions.map(({ subscription }) => run(() => subscription.Unsubscribe())));
    },
  };
}
