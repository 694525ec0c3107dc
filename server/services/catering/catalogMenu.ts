import { ITEM_CATEGORIES, type Item, type Menu } from '../../../shared/schemas/catalog';
import { notFound } from '../../domain/errors';
import type { CatalogServiceDeps } from './catalogTypes';

type MenuCategory = Menu['providers'][number]['categories'][number];

function byCategory(items: readonly Item[]): MenuCategory[] {
  return ITEM_CATEGORIES.map((category) => ({
    category,
    items: items.filter((i) => i.category === category).sort((a, b) => a.name.localeCompare(b.name)),
  })).filter((group) => group.items.length > 0);
}

export function menuUseCases({ catalog, rooms, buildings }: CatalogServiceDeps) {
  return {
    /** What can be ordered for a room: active items of active providers serving its building. */
    async menuForRoom(roomId: string): Promise<Menu> {
      const room = await rooms.findById(roomId);
      if (!room) throw notFound('Room', roomId);
      const building = await buildings.findById(room.buildingId);
      if (!building) throw notFound('Building', room.buildingId);
      const [providers, items] = await Promise.all([
        catalog.listProviders({ buildingId: building.id, activeOnly: true }),
        catalog.listItems({ buildingId: building.id, activeOnly: true }),
      ]);
      return {
        roomId,
        buildingId: building.id,
        timeZone: building.timeZone,
        providers: providers
          .map((provider) => ({
            provider: {
              id: provider.id,
              name: provider.name,
              kind: provider.kind,
              workingHours: provider.workingHours,
            },
            categories: byCategory(items.filter((i) => i.providerId === provider.id)),
          }))
          .filter((entry) => entry.categories.length > 0),
      };
    },
  };
}
