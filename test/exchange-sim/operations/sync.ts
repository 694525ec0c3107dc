import type { SyncChange } from '../model/api';
import { attrOf, elementChildren, mChild, textOf, type Element } from '../soap/dom';
import { el, leaf, NS } from '../soap/xml';
import type { OperationContext, UnaryOperation } from './context';
import { parseFolderRef, parseFolderRefs } from './parseIds';
import { errorMessage, ProtocolError, responseWithMessages, successMessage, toMessageError } from './responses';
import { parseItemShape } from './shape';
import { calendarItemElement, idElement, type ItemShape } from './writeItem';

/** SyncFolderItems: pages of Create/Update/Delete changes behind an opaque SyncState. */

function changeElement(ctx: OperationContext, change: SyncChange, shape: ItemShape): string {
  switch (change.kind) {
    case 'Create':
      return el('t:Create', undefined, calendarItemElement(change.item, shape, ctx.model));
    case 'Update':
      return el('t:Update', undefined, calendarItemElement(change.item, shape, ctx.model));
    case 'Delete':
      return el('t:Delete', undefined, el('t:ItemId', { Id: change.itemId }));
    case 'ReadFlagChange':
      return el('t:ReadFlagChange', undefined, idElement('ItemId', change.itemId), leaf('t:IsRead', change.isRead));
  }
}

function syncFolderItems(ctx: OperationContext, request: Element): string {
  const shape = parseItemShape(mChild(request, 'ItemShape'));
  let message: string;
  try {
    const folderEl = parseFolderRefs(mChild(request, 'SyncFolderId'))[0];
    if (!folderEl) throw new ProtocolError('ErrorInvalidRequest', 'SyncFolderId is required.');
    const ignore = elementChildren(mChild(request, 'Ignore') ?? request, NS.t, 'ItemId').map(
      (i) => attrOf(i, 'Id') ?? '',
    );
    const syncState = (textOf(mChild(request, 'SyncState')) ?? '').trim();
    const result = ctx.model.syncFolderItems(ctx.actor, {
      folder: parseFolderRef(folderEl),
      syncState: syncState === '' ? undefined : syncState,
      maxChangesReturned: Number(textOf(mChild(request, 'MaxChangesReturned')) ?? '512'),
      ignore: mChild(request, 'Ignore') ? ignore : undefined,
    });
    message = successMessage(
      'SyncFolderItemsResponseMessage',
      leaf('m:SyncState', result.syncState),
      leaf('m:IncludesLastItemInRange', result.includesLastItemInRange),
      el('m:Changes', undefined, ...result.changes.map((c) => changeElement(ctx, c, shape))),
    );
  } catch (err) {
    message = errorMessage('SyncFolderItemsResponseMessage', toMessageError(err));
  }
  return responseWithMessages('SyncFolderItems', [message]);
}

export const syncOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['SyncFolderItems', { kind: 'unary', handle: syncFolderItems }],
]);
