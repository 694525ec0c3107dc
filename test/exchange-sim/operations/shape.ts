import type { ExtendedPropertyKey } from '../model/api';
import { attrOf, elementChildren, tChild, textOf, type Element } from '../soap/dom';
import { NS } from '../soap/xml';
import { parseExtendedFieldUri } from './parseItem';
import type { BaseShape, ItemShape } from './writeItem';

/** Reads `m:ItemShape` / `m:FolderShape` (BaseShape, BodyType, AdditionalProperties). */
export function parseItemShape(shape: Element | undefined): ItemShape {
  const base = (textOf(tChild(shape, 'BaseShape')) ?? 'Default').trim() as BaseShape;
  const bodyTypeText = (textOf(tChild(shape, 'BodyType')) ?? 'Best').trim();
  const bodyType = bodyTypeText === 'HTML' || bodyTypeText === 'Text' ? bodyTypeText : 'Best';
  const additional = new Set<string>();
  const extended: ExtendedPropertyKey[] = [];
  const props = tChild(shape, 'AdditionalProperties');
  for (const p of props ? elementChildren(props, NS.t) : []) {
    if (p.localName === 'ExtendedFieldURI') extended.push(parseExtendedFieldUri(p));
    else if (p.localName === 'FieldURI') {
      const uri = attrOf(p, 'FieldURI') ?? '';
      const name = uri.slice(uri.indexOf(':') + 1);
      additional.add(name);
    }
  }
  return { baseShape: base, additional, extended, bodyType };
}
