import type { Building } from '../../../shared/schemas/locations';
import { conflict, notFound } from '../../domain/errors';
import { containerDeletion } from '../../domain/locations/deletion';
import type { BuildingInput, BuildingPatch, DeleteOptions, LocationsServiceDeps } from './types';

export function buildingUseCases({
  buildings,
  onBuildingsChanged = () => undefined,
}: Pick<LocationsServiceDeps, 'buildings' | 'onBuildingsChanged'>) {
  async function getBuilding(id: string): Promise<Building> {
    const building = await buildings.findById(id);
    if (!building) throw notFound('Building', id);
    return building;
  }

  return {
    listBuildings: (): Promise<Building[]> => buildings.list(),
    getBuilding,
    async createBuilding(input: BuildingInput): Promise<Building> {
      const created = await buildings.create(input);
      onBuildingsChanged();
      return created;
    },
    async updateBuilding(id: string, patch: BuildingPatch): Promise<Building> {
      const updated = await buildings.update(id, patch);
      if (!updated) throw notFound('Building', id);
      onBuildingsChanged();
      return updated;
    },
    async deleteBuilding(id: string, options: DeleteOptions): Promise<void> {
      await getBuilding(id);
      const rooms = await buildings.countRooms(id);
      const verdict = containerDeletion('building', rooms, options.cascade);
      if (!verdict.allowed) throw conflict(verdict.reason, { rooms });
      await buildings.delete(id);
      onBuildingsChanged();
    },
  };
}
