import * as ews from 'ews-javascript-api';
import { GatewayError, type CalendarStream, type StreamHandlers } from '../../ports/calendarGateway';
import type { EwsConnection } from './connection';
import { toGatewayError } from './errors';
import type { Runner } from './resilience';

/**
 * Streaming notifications for up to 200 room calendars on one GetStreamingEvents connection.
 * Subscriptions are made impersonating each room (Exchange lets the creating service account
 * read them all on one connection). The connection is not counted against the request
 * concurrency cap: it hangs by design and Exchange budgets hanging connections separately.
 * Watchdog and reconnection belong to the caller (onClosed).
 */

export const MAX_MAILBOXES_PER_STREAM = 200;
/** Minutes before Exchange closes the connection with ConnectionStatus Closed (1..30). */
const CONNECTION_LIFETIME_MINUTES = 30;
/** Connections that lasted at least this long are renewed on the same subscriptions when they end cleanly. */
const MIN_RENEWABLE_MS = 10_000;

export async function openCalendarStream(
  connection: EwsConnection,
  run: Runner,
  mailboxes: readonly string[],
  handlers: StreamHandlers,
): Promise<CalendarStream> {
  if (mailboxes.length === 0 || mailboxes.length > MAX_MAILBOXES_PER_STREAM)
    throw new GatewayError(
      'bad-request',
      `A stream covers 1 to ${MAX_MAILBOXES_PER_STREAM} mailboxes, not ${mailboxes.length}`,
    );
  const url = connection.settings.url;
  const settled = await Promise.allSettled(
    mailboxes.map(async (mailbox) => {
      const subscription = await run(() =>
        connection
          .impersonating(mailbox)
          .SubscribeToStreamingNotifications(
            [new ews.FolderId(ews.WellKnownFolderName.Calendar)],
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
    // Leave nothing half-made behind: the caller retries the whole group.
    await Promise.allSettled(subscriptions.map(({ subscription }) => run(() => subscription.Unsubscribe())));
    throw toGatewayError(refused.reason, url);
  }
  const mailboxById = new Map(subscriptions.map((s) => [s.subscription.Id, s.mailbox]));

  const anchorMailbox = mailboxes[0] ?? '';

  let finished = false;
  const finish = (error?: GatewayError): void => {
    if (finished) return;
    finished = true;
    handlers.onClosed(error);
  };

  /**
   * Exchange ends every connection after its ConnectionTimeout. The subscriptions outlive it and
   * queue what happens meanwhile, so the next connection reuses them: no Subscribe per mailbox
   * every half hour. A connection that ends with an error goes back to the caller instead.
   */
  function connect(): ews.StreamingSubscriptionConnection {
    const openedAt = Date.now();
    const anchor = connection.forStreaming(anchorMailbox);
    anchor.service.HttpHeaders.Add('X-PreferServerAffinity', 'true');
    const stream = new ews.StreamingSubscriptionConnection(anchor.service, CONNECTION_LIFETIME_MINUTES);
    disposeCurrent = () => anchor.dispose();
    for (const { subscription } of subscriptions) stream.AddSubscription(subscription);
    stream.OnNotificationEvent.push((_sender, args) => {
      const mailbox = mailboxById.get(args.Subscription.Id);
      if (mailbox !== undefined && args.Events.length > 0) handlers.onChange(mailbox);
    });
    stream.OnSubscriptionError.push((_sender, args) => finish(toGatewayError(args.Exception, url)));
    stream.OnDisconnect.push((_sender, args) => {
      if (finished) return;
      anchor.dispose();
      if (args.Exception) return finish(toGatewayError(args.Exception, url));
      // A connection that ends as soon as it opened is not Exchange's timeout: let the caller back off.
      if (Date.now() - openedAt < MIN_RENEWABLE_MS)
        return finish(new GatewayError('transient', 'the stream closed right after it opened'));
      current = connect();
      handlers.onRenewed?.();
    });
    // Open() rejects on a transport error and stays pending on a clean close (reported through OnDisconnect).
    stream.Open().catch((err: unknown) => finish(toGatewayError(err, url)));
    return stream;
  }
  let disposeCurrent: () => void = () => undefined;
  let current = connect();

  return {
    mailboxes: [...mailboxes],
    async close() {
      finished = true;
      try {
        if (current.IsOpen) current.Close();
        disposeCurrent();
      } catch {
        // Already closed by the server or the network: nothing to release.
      }
      await Promise.allSettled(subscriptions.map(({ subscription }) => run(() => subscription.Unsubscribe())));
    },
  };
}
