import type { Folder } from '../model/api';
import { attrOf, mChild, type Element } from '../soap/dom';
import { el, leaf } from '../soap/xml';
import type { OperationContext, UnaryOperation } from './context';
import { parseFolderRef, parseFolderRefs } from './parseIds';
import { perEntry, responseWithMessages, successMessage } from './responses';
import { parseItemShape } from './shape';
import { idElement, type BaseShape } from './writeItem';

/** GetFolder and FindFolder. */

export function folderElement(f: Folder, base: BaseShape): string {
  const isCalendar = f.folderClass === 'IPF.Appointment';
  const name = isCalendar ? 't:CalendarFolder' : 't:Folder';
  if (base === 'IdOnly') return el(name, undefined, idElement('FolderId', f.folderId));
  const all = base === 'AllProperties';
  return el(
    name,
    undefined,
    idElement('FolderId', f.folderId),
    all ? idElement('ParentFolderId', f.parentFolderId) : undefined,
    all ? leaf('t:FolderClass', f.folderClass) : undefined,
    leaf('t:DisplayName', f.displayName),
    leaf('t:TotalCount', f.totalCount),
    leaf('t:ChildFolderCount', f.childFolderCount),
    // CalendarFolderType has no UnreadCount.
    isCalendar ? undefined : leaf('t:UnreadCount', f.unreadCount),
  );
}

function getFolder(ctx: OperationContext, request: Element): string {
  const shape = parseItemShape(mChild(request, 'FolderShape'));
  const ids = parseFolderRefs(mChild(request, 'FolderIds'));
  const messages = perEntry(
    ids,
    'GetFolderResponseMessage',
    (idEl) => {
      const folder = ctx.model.getFolder(ctx.actor, parseFolderRef(idEl));
      return successMessage(
        'GetFolderResponseMessage',
        el('m:Folders', undefined, folderElement(folder, shape.baseShape)),
      );
    },
    () => el('m:Folders'),
  );
  return responseWithMessages('GetFolder', messages);
}

function findFolder(ctx: OperationContext, request: Element): string {
  const shape = parseItemShape(mChild(request, 'FolderShape'));
  const traversal = attrOf(request, 'Traversal') === 'Deep' ? 'Deep' : 'Shallow';
  const parents = parseFolderRefs(mChild(request, 'ParentFolderIds'));
  const messages = perEntry(parents, 'FindFolderResponseMessage', (idEl) => {
    const folders = ctx.model.findFolders(ctx.actor, parseFolderRef(idEl), traversal);
    return successMessage(
      'FindFolderResponseMessage',
      el(
        'm:RootFolder',
        { TotalItemsInView: folders.length, IncludesLastItemInRange: true },
        el('t:Folders', undefined, ...folders.map((f) => folderElement(f, shape.baseShape))),
      ),
    );
  });
  return responseWithMessages('FindFolder', messages);
}

export const folderOperations: ReadonlyMap<string, UnaryOperation> = new Map<string, UnaryOperation>([
  ['GetFolder', { kind: 'unary', handle: getFolder }],
  ['FindFolder', { kind: 'unary', handle: findFolder }],
]);
