import type { Item, ItemInput, ItemListQuery, ItemPatch } from '../../../shared/schemas/catalog';
import { dietaryConflict, itemProblems } from '../../domain/catering/catalog';
import { AppError, notFound, unprocessable } from '../../domain/errors';
import type { ItemFilter } from '../../ports/catalog';
import type { CatalogServiceDeps } from './catalogTypes';

export function itemUseCases(deps: CatalogServiceDeps) {
  const { catalog, files } = deps;

  async function getItem(id: string): Promise<Item> {
    const item = await catalog.findItem(id);
    if (!item) throw notFound('Item', id);
    return item;
  }

  async function checkImage(fileId: string | null | undefined): Promise<void> {
    if (fileId === null || fileId === undefined) return;
    if ((await files.findMany([fileId])).length === 0)
      throw unprocessable('The image was never uploaded', { field: 'imageFileId' });
  }

  function checkRules(item: Parameters<typeof itemProblems>[0] & Parameters<typeof dietaryConflict>[0]): void {
    const problems = itemProblems(item);
    if (problems.length > 0) throw unprocessable(`The item is not usable: ${problems.join('; ')}`, { problems });
    const conflict = dietaryConflict(item);
    if (conflict)
      throw new AppError(
        'dietary_label_conflict',
        `An item that contains ${conflict.allergens.join(' and ')} cannot be labelled ${conflict.label}`,
        { field: 'dietary', label: conflict.label, allergens: conflict.allergens },
      );
  }

  return {
    getItem,
    listItems(query: ItemListQuery): Promise<Item[]> {
      const filter: ItemFilter = {
        ...(query.providerId === undefined ? {} : { providerId: query.providerId }),
        ...(query.buildingId === undefined ? {} : { buildingId: query.buildingId }),
        ...(query.category === undefined ? {} : { category: query.category }),
        activeOnly: query.activeOnly === 'true',
      };
      return catalog.listItems(filter);
    },
    /** The items among `ids` that exist, in catalog order (for orders: unknown ids are left out). */
    findItems: (ids: readonly string[]): Promise<Item[]> =>
      ids.length === 0 ? Promise.resolve([]) : catalog.listItems({ ids }),
    async createItem(input: ItemInput): Promise<Item> {
      checkRules(input);
      if (!(await catalog.findProvider(input.providerId)))
        throw unprocessable(`No provider ${input.providerId}`, { field: 'providerId' });
      await checkImage(input.imageFileId);
      return catalog.createItem(input);
    },
    async updateItem(id: string, patch: ItemPatch): Promise<Item> {
      const current = await getItem(id);
      checkRules({ ...current, ...patch });
      await checkImage(patch.imageFileId);
      const updated = await catalog.updateItem(id, patch);
      if (!updated) throw notFound('Item', id);
      return updated;
    },
    async deleteItem(id: string): Promise<void> {
      await getItem(id);
      await catalog.deleteItem(id);
    },
  };
}
