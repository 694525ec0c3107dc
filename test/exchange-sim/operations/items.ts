import type {
  Body,
  CalendarItem,
  ConflictResolution,
  DeleteType,
  FieldChange,
  MeetingResponse,
  SendCancellationsMode,
  SendInvitationsMode,
  SendInvitationsOrCancellationsMode,
} from '../model/api';
import { attrOf, elementChildren, mChild, tChild, textOf, type Element } from '../soap/dom';
import { el, leaf, NS } from '../soap/xml';
import type { OperationContext, UnaryOperation } from './context';
import { itemIdElements, parseFolderRef, parseFolderRefs, parseItemRef } from './parseIds';
import { findFieldTarget, parseCalendarItem, parseFieldTarget } from './parseItem';
import {
  errorMessage,
  perEntry,
  ProtocolError,
  responseWithMessages,
  successMessage,
  toMessageError,
} from './responses';
import { parseItemShape } from './shape';
import { calendarItemElement, ID_ONLY } from './writeItem';

/** GetItem, CreateItem (calendar items, meeting responses, cancellations), UpdateItem, DeleteItem. */

function getItem(ctx: OperationContext, request: Element): string {
  const shape = parseItemShape(mChild(request, 'ItemShape'));
  const ids = itemIdElements(mChild(request, 'ItemIds'));
  const messages = perEntry(
    ids,
    'GetItemResponseMessage',
    (idEl) => {
      const item = ctx.model.getItem(ctx.actor, parseItemRef(idEl));
      return successMessage(
        'GetItemResponseMessage',
        el('m:Items', undefined, calendarItemElement(item, shape, ctx.model)),
      );
    },
    () => el('m:Items'),
  );
  return responseWithMessages('GetItem', messages);
}

function responseMode(disposition: string | undefined): SendInvitationsMode {
  if (disposition === 'SaveOnly') return 'SendToNone';
  if (disposition === 'SendOnly') return 'SendOnlyToAll';
  return 'SendToAllAndSaveCopy';
}

const RESPONSES: Readonly<Record<string, MeetingResponse>> = {
  AcceptItem: 'Accept',
  DeclineItem: 'Decline',
  TentativelyAcceptItem: 'Tentative',
};

function optionalBody(e: Element | undefined): Body | undefined {
  if (!e) return undefined;
  return { type: attrOf(e, 'BodyType') === 'Text' ? 'Text' : 'HTML', value: textOf(e) ?? '' };
}

/** The calendar item a response or cancellation leaves behind (the old one when it was removed). */
function afterResponse(ctx: OperationContext, before: CalendarItem): CalendarItem {
  try {
    return ctx.model.getItem(ctx.actor, { kind: 'item', id: before.itemId.id });
  } catch {
    return before;
  }
}

function createOne(ctx: OperationContext, request: Element, itemEl: Element): string {
  const name = itemEl.localName ?? '';
  const disposition = attrOf(request, 'MessageDisposition');
  const reference = tChild(itemEl, 'ReferenceItemId');
  const response = RESPONSES[name];
  if (response || name === 'CancelCalendarItem') {
    if (!reference) throw new ProtocolError('ErrorInvalidRequest', `${name} needs a ReferenceItemId.`);
    const ref = parseItemRef(reference);
    const before = ctx.model.getItem(ctx.actor, ref);
    const mode = responseMode(disposition);
    if (response) {
      const body = optionalBody(tChild(itemEl, 'Body'));
      ctx.model.respondToItem(ctx.actor, ref, response, body ? { body, mode } : { mode });
    } else {
      const body = optionalBody(tChild(itemEl, 'NewBodyContent'));
      ctx.model.cancelCalendarItem(ctx.actor, ref, body ? { body, mode } : { mode });
    }
    return successMessage(
      'CreateItemResponseMessage',
      el('m:Items', undefined, calendarItemElement(afterResponse(ctx, before), ID_ONLY, ctx.model)),
    );
  }
  if (name !== 'CalendarItem') {
    throw new ProtocolError(
      'ErrorInvalidRequest',
      `The simulator only stores calendar items; ${name} is not supported.`,
    );
  }
  const input = parseCalendarItem(itemEl, ctx.timeZoneId);
  const modeAttr = attrOf(request, 'SendMeetingInvitations') as SendInvitationsMode | undefined;
  const hasAttendees =
    (input.requiredAttendees?.length ?? 0) + (input.optionalAttendees?.length ?? 0) + (input.resources?.length ?? 0) >
    0;
  if (!modeAttr && hasAttendees) {
    throw new ProtocolError(
      'ErrorSendMeetingInvitationsRequired',
      'SendMeetingInvitations attribute is required for calendar items.',
    );
  }
  const folderEl = parseFolderRefs(mChild(request, 'SavedItemFolderId'))[0];
  const folder = folderEl ? parseFolderRef(folderEl) : undefined;
  const item = ctx.model.createCalendarItem(ctx.actor, folder, input, modeAttr ?? 'SendToNone');
  return successMessage(
    'CreateItemResponseMessage',
    el('m:Items', undefined, calendarItemElement(item, ID_ONLY, ctx.model)),
  );
}

function createItem(ctx: OperationContext, request: Element): string {
  const items = elementChildren(mChild(request, 'Items') ?? request, NS.t);
  const messages = perEntry(
    items,
    'CreateItemResponseMessage',
    (itemEl) => createOne(ctx, request, itemEl),
    () => el('m:Items'),
  );
  return responseWithMessages('CreateItem', messages);
}

const CHANGE_OPS: Readonly<Record<string, FieldChange['op']>> = {
  SetItemField: 'set',
  AppendToItemField: 'append',
  DeleteItemField: 'delete',
};

function parseChanges(ctx: OperationContext, updates: Element | undefined): FieldChange[] {
  if (!updates) return [];
  return elementChildren(updates, NS.t).map((u) => {
    const op = CHANGE_OPS[u.localName ?? ''];
    const uri = findFieldTarget(u);
    if (!op || !uri) throw new ProtocolError('ErrorInvalidRequest', `Unsupported change ${u.localName ?? ''}.`);
    const target = parseFieldTarget(uri);
    if (op === 'delete') return { op, target };
    const itemEl = tChild(u, 'CalendarItem');
    if (!itemEl) {
      throw new ProtocolError('ErrorInvalidPropertySet', 'Only CalendarItem values can be set on calendar items.');
    }
    return { op, target, value: parseCalendarItem(itemEl, ctx.timeZoneId) };
  });
}

function updateItem(ctx: OperationContext, request: Element): string {
  const conflictResolution = (attrOf(request, 'ConflictResolution') ?? 'AutoResolve') as ConflictResolution;
  const sendMode = (attrOf(request, 'SendMeetingInvitationsOrCancellations') ??
    'SendToNone') as SendInvitationsOrCancellationsMode;
  const changes = elementChildren(mChild(request, 'ItemChanges') ?? request, NS.t, 'ItemChange');
  const messages = changes.map((change) => {
    try {
      const idEl = itemIdElements(change)[0];
      if (!idEl) throw new ProtocolError('ErrorInvalidIdMalformed', 'ItemChange without an item id.');
      const item = ctx.model.updateItem(ctx.actor, parseItemRef(idEl), parseChanges(ctx, tChild(change, 'Updates')), {
        conflictResolution,
        sendMode,
      });
      return successMessage(
        'UpdateItemResponseMessage',
        el('m:Items', undefined, calendarItemElement(item, ID_ONLY, ctx.model)),
        el('m:ConflictResults', undefined, leaf('t:Count', 0)),
      );
    } catch (err) {
      return errorMessage('UpdateItemResponseMessage', toMessageError(err), el('m:Items'));
    }
  });
  return responseWithMessages('UpdateItem', messages);
}

function deleteItem(ctx: OperationContext, request: Element): string {
  const deleteType = (attrOf(request, 'DeleteType') ?? 'MoveToDeletedItems') as DeleteType;
  const sendMeetingCancellations = (attrOf(request, 'SendMeetingCancellations') ??
    'SendToNone') as SendCancellationsMode;
  const ids = itemIdElements(mChild(request, 'ItemIds'));
  const messages = perEntry(ids, 'DeleteItemResponseMessage', (idEl) => {
    ctx.model.deleteItem(ctx.actor, parseItemRef(idEl), { deleteType, sendMeetingCancellations });
    return successMessage('DeleteItemResponseMessage');
  });
  return responseWithMessages('DeleteItem', messages);
}

export const itemOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['GetItem', { kind: 'unary', handle: getItem }],
  ['CreateItem', { kind: 'unary', handle: createItem }],
  ['UpdateItem', { kind: 'unary', handle: updateItem }],
  ['DeleteItem', { kind: 'unary', handle: deleteItem }],
]);
