import type { ServerResponse } from 'node:http';
import type { FolderRef, NotificationEvent, NotificationEventType } from '../model/api';
import { attrOf, elementChildren, mChild, tChild, textOf, type Element } from '../soap/dom';
import { bodyElement, streamingEnvelope } from '../soap/envelope';
import { el, ewsDateTime, leaf, NS } from '../soap/xml';
import type { OperationContext, StreamingOperation, UnaryOperation } from './context';
import { parseFolderRef, parseFolderRefs } from './parseIds';
import { errorMessage, perEntry, responseWithMessages, successMessage, toMessageError } from './responses';
import { idElement } from './writeItem';

/** Subscribe (pull, streaming), GetEvents, Unsubscribe and GetStreamingEvents. */

export interface StreamingSettings {
  /** Interval between ConnectionStatus OK keep-alive envelopes. */
  heartbeatMs: number;
  /** Length of one ConnectionTimeout minute (shortened only by tests). */
  minuteMs: number;
}

export function eventElement(e: NotificationEvent): string {
  const target = e.itemId ? idElement('ItemId', e.itemId) : idElement('FolderId', e.folderId);
  const base = [
    leaf('t:Watermark', e.watermark),
    leaf('t:TimeStamp', ewsDateTime(new Date(e.timeStamp))),
    target,
    idElement('ParentFolderId', e.parentFolderId),
  ];
  const name = `t:${e.type}`;
  switch (e.type) {
    case 'ModifiedEvent':
      return el(name, undefined, ...base, leaf('t:UnreadCount', e.unreadCount));
    case 'MovedEvent':
    case 'CopiedEvent':
      return el(
        name,
        undefined,
        ...base,
        e.oldItemId ? idElement('OldItemId', e.oldItemId) : idElement('OldFolderId', e.folderId),
        idElement('OldParentFolderId', e.oldParentFolderId ?? e.parentFolderId),
      );
    default:
      return el(name, undefined, ...base);
  }
}

function readSubscriptionRequest(request: Element): { kind: 'streaming' | 'pull'; e: Element } | undefined {
  const streaming = mChild(request, 'StreamingSubscriptionRequest');
  if (streaming) return { kind: 'streaming', e: streaming };
  const pull = mChild(request, 'PullSubscriptionRequest');
  if (pull) return { kind: 'pull', e: pull };
  return undefined;
}

function subscribe(ctx: OperationContext, request: Element): string {
  const sub = readSubscriptionRequest(request);
  let message: string;
  try {
    if (!sub) {
      message = errorMessage('SubscribeResponseMessage', {
        responseCode: 'ErrorInvalidSubscriptionRequest',
        messageText: 'Push subscriptions are not supported by the simulator.',
      });
      return responseWithMessages('Subscribe', [message]);
    }
    const folders: FolderRef[] = parseFolderRefs(tChild(sub.e, 'FolderIds')).map(parseFolderRef);
    const eventTypes = elementChildren(tChild(sub.e, 'EventTypes') ?? sub.e, NS.t, 'EventType').map(
      (t) => (textOf(t) ?? '').trim() as NotificationEventType,
    );
    const watermark = textOf(tChild(sub.e, 'Watermark'))?.trim();
    const timeout = textOf(tChild(sub.e, 'Timeout'));
    const subscription = ctx.model.subscribe(
      ctx.actor,
      {
        kind: sub.kind,
        folders,
        allFolders: attrOf(sub.e, 'SubscribeToAllFolders') === 'true',
        eventTypes,
        timeoutMinutes: timeout === undefined ? undefined : Number(timeout),
        watermark: watermark === '' ? undefined : watermark,
      },
      ctx.caller.smtp,
    );
    message = successMessage(
      'SubscribeResponseMessage',
      leaf('m:SubscriptionId', subscription.subscriptionId),
      sub.kind === 'pull' ? leaf('m:Watermark', subscription.watermark) : undefined,
    );
  } catch (err) {
    message = errorMessage('SubscribeResponseMessage', toMessageError(err));
  }
  return responseWithMessages('Subscribe', [message]);
}

function getEvents(ctx: OperationContext, request: Element): string {
  let message: string;
  try {
    const id = (textOf(mChild(request, 'SubscriptionId')) ?? '').trim();
    const watermark = (textOf(mChild(request, 'Watermark')) ?? '').trim();
    const r = ctx.model.getEvents(ctx.actor, id, watermark, ctx.caller.smtp);
    const events =
      r.events.length > 0
        ? r.events.map(eventElement)
        : [el('t:StatusEvent', undefined, leaf('t:Watermark', r.statusWatermark))];
    message = successMessage(
      'GetEventsResponseMessage',
      el(
        'm:Notification',
        undefined,
        leaf('t:SubscriptionId', r.subscriptionId),
        leaf('t:PreviousWatermark', r.previousWatermark),
        leaf('t:MoreEvents', r.moreEvents),
        ...events,
      ),
    );
  } catch (err) {
    message = errorMessage('GetEventsResponseMessage', toMessageError(err));
  }
  return responseWithMessages('GetEvents', [message]);
}

function unsubscribe(ctx: OperationContext, request: Element): string {
  const ids = [mChild(request, 'SubscriptionId')].filter((e): e is Element => e !== undefined);
  const messages = perEntry(ids, 'UnsubscribeResponseMessage', (e) => {
    ctx.model.unsubscribe(ctx.actor, (textOf(e) ?? '').trim(), ctx.caller.smtp);
    return successMessage('UnsubscribeResponseMessage');
  });
  return responseWithMessages('Unsubscribe', messages);
}

function streamingBody(content: string[]): string {
  return bodyElement(
    'GetStreamingEventsResponse',
    el('m:ResponseMessages', undefined, successMessage('GetStreamingEventsResponseMessage', ...content)),
  );
}

/** Open GetStreamingEvents connections, so a control-API fault can drop them. */
export class OpenStreams {
  private readonly drops = new Set<() => void>();
  add(drop: () => void): () => void {
    this.drops.add(drop);
    return () => this.drops.delete(drop);
  }
  dropAll(): number {
    const all = [...this.drops];
    for (const d of all) d();
    return all.length;
  }
  get size(): number {
    return this.drops.size;
  }
}

export function getStreamingEventsOperation(settings: StreamingSettings, open: OpenStreams): StreamingOperation {
  return {
    kind: 'streaming',
    handle: (ctx, request, res, options) => streamEvents(ctx, request, res, options.dropStream, settings, open),
  };
}

function streamEvents(
  ctx: OperationContext,
  request: Element,
  res: ServerResponse,
  dropStream: boolean,
  settings: StreamingSettings,
  open: OpenStreams,
): Promise<void> {
  const ids = elementChildren(mChild(request, 'SubscriptionIds') ?? request, NS.t, 'SubscriptionId').map((e) =>
    (textOf(e) ?? '').trim(),
  );
  const minutes = Number(textOf(mChild(request, 'ConnectionTimeout')) ?? '30');
  const bad: string[] = [];
  let firstError: ReturnType<typeof toMessageError> | undefined;
  for (const id of ids) {
    try {
      ctx.model.checkSubscription(ctx.actor, id, ctx.caller.smtp);
    } catch (err) {
      firstError ??= toMessageError(err);
      bad.push(id);
    }
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', 'text/xml; charset=utf-8');
  res.setHeader('Set-Cookie', 'X-BackEndOverrideCookie=EXSIM01~1942061003; path=/; secure; HttpOnly');
  const write = (content: string[]): void => {
    const body = streamingBody(content);
    ctx.recordResponse('GetStreamingEvents', body);
    res.write(streamingEnvelope(body, ctx.serverInfo));
  };
  if (firstError) {
    const body = bodyElement(
      'GetStreamingEventsResponse',
      el(
        'm:ResponseMessages',
        undefined,
        errorMessage(
          'GetStreamingEventsResponseMessage',
          firstError,
          el('m:ErrorSubscriptionIds', undefined, ...bad.map((id) => leaf('t:SubscriptionId', id))),
          leaf('m:ConnectionStatus', 'Closed'),
        ),
      ),
    );
    ctx.recordResponse('GetStreamingEvents', body);
    res.end(streamingEnvelope(body, ctx.serverInfo));
    return Promise.resolve();
  }

  return new Promise<void>((resolve) => {
    const detachers: (() => void)[] = [];
    let finished = false;
    const finish = (how: 'closed' | 'drop' | 'client'): void => {
      if (finished) return;
      finished = true;
      clearInterval(heartbeat);
      clearTimeout(timeout);
      unregister();
      ctx.shutdownSignal.removeEventListener('abort', onShutdown);
      for (const d of detachers) d();
      if (how === 'closed') {
        write([leaf('m:ConnectionStatus', 'Closed') ?? '']);
        res.end();
      } else if (how === 'drop') {
        res.socket?.destroy();
      }
      resolve();
    };
    const onShutdown = (): void => finish('drop');
    const unregister = open.add(() => finish('drop'));
    const heartbeat = setInterval(() => write([leaf('m:ConnectionStatus', 'OK') ?? '']), settings.heartbeatMs);
    const timeout = setTimeout(() => finish('closed'), minutes * settings.minuteMs);
    res.on('close', () => finish('client'));
    ctx.shutdownSignal.addEventListener('abort', onShutdown);

    res.flushHeaders();
    write([leaf('m:ConnectionStatus', 'OK') ?? '']);
    if (dropStream) {
      finish('drop');
      return;
    }
    for (const id of ids) {
      detachers.push(
        ctx.model.attachStream(
          ctx.actor,
          id,
          (subscriptionId, events) => {
            if (finished || events.length === 0) return;
            write([
              el(
                'm:Notifications',
                undefined,
                el('t:Notification', undefined, leaf('t:SubscriptionId', subscriptionId), ...events.map(eventElement)),
              ),
              leaf('m:ConnectionStatus', 'OK') ?? '',
            ]);
          },
          ctx.caller.smtp,
        ),
      );
    }
  });
}

export const notificationOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['Subscribe', { kind: 'unary', handle: subscribe }],
  ['GetEvents', { kind: 'unary', handle: getEvents }],
  ['Unsubscribe', { kind: 'unary', handle: unsubscribe }],
]);
