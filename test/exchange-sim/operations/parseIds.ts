import type { DistinguishedFolderName, FolderRef, ItemRef } from '../model/api';
import { attrOf, elementChildren, tChild, textOf, type Element } from '../soap/dom';
import { NS } from '../soap/xml';
import { ProtocolError } from './responses';

/** Reading folder and item ids from requests. */

const DISTINGUISHED: readonly DistinguishedFolderName[] = [
  'root',
  'msgfolderroot',
  'calendar',
  'inbox',
  'deleteditems',
  'sentitems',
];

function distinguishedName(id: string): DistinguishedFolderName {
  const found = DISTINGUISHED.find((d) => d === id);
  if (!found) throw new ProtocolError('ErrorFolderNotFound', `The simulator has no '${id}' folder.`);
  return found;
}

/** A single folder id element (`t:FolderId` or `t:DistinguishedFolderId`). */
export function parseFolderRef(e: Element): FolderRef {
  if (e.localName === 'DistinguishedFolderId') {
    const mailbox = textOf(tChild(tChild(e, 'Mailbox'), 'EmailAddress'))?.trim();
    const name = distinguishedName(attrOf(e, 'Id') ?? '');
    return mailbox ? { kind: 'distinguished', name, mailbox } : { kind: 'distinguished', name };
  }
  const changeKey = attrOf(e, 'ChangeKey');
  return changeKey === undefined
    ? { kind: 'id', id: attrOf(e, 'Id') ?? '' }
    : { kind: 'id', id: attrOf(e, 'Id') ?? '', changeKey };
}

/** Children of a `FolderIds`/`ParentFolderIds`/`SavedItemFolderId` container. */
export function parseFolderRefs(container: Element | undefined): Element[] {
  if (!container) return [];
  return elementChildren(container, NS.t).filter(
    (e) => e.localName === 'FolderId' || e.localName === 'DistinguishedFolderId',
  );
}

export function parseItemRef(e: Element): ItemRef {
  const changeKey = attrOf(e, 'ChangeKey');
  const withKey = <T extends object>(r: T): T & { changeKey?: string } =>
    changeKey === undefined ? r : { ...r, changeKey };
  switch (e.localName) {
    case 'OccurrenceItemId':
      return withKey({
        kind: 'occurrence' as const,
        recurringMasterId: attrOf(e, 'RecurringMasterId') ?? '',
        instanceIndex: Number(attrOf(e, 'InstanceIndex') ?? '0'),
      });
    case 'RecurringMasterItemId':
      return withKey({ kind: 'recurringMaster' as const, occurrenceId: attrOf(e, 'OccurrenceId') ?? '' });
    default:
      return withKey({ kind: 'item' as const, id: attrOf(e, 'Id') ?? '' });
  }
}

const ITEM_ID_ELEMENTS = new Set(['ItemId', 'OccurrenceItemId', 'RecurringMasterItemId']);

export function itemIdElements(container: Element | undefined): Element[] {
  if (!container) return [];
  return elementChildren(container, NS.t).filter((e) => ITEM_ID_ELEMENTS.has(e.localName ?? ''));
}
