import type { Floor } from '../../../shared/schemas/locations';
import { conflict, notFound, unprocessable } from '../../domain/errors';
import { containerDeletion } from '../../domain/locations/deletion';
import type { FloorPlanWrite } from '../../ports/locations';
import type { DeleteOptions, FloorInput, FloorPatch, LocationsServiceDeps } from './types';

type Deps = Pick<LocationsServiceDeps, 'buildings' | 'floors' | 'files'>;

/** A floor plan takes its size from the uploaded image, so room outlines can be checked against it. */
async function resolvePlan(files: Deps['files'], fileId: string | null): Promise<FloorPlanWrite | null> {
  if (fileId === null) return null;
  const file = await files.findById(fileId);
  if (!file) throw unprocessable(`No uploaded file ${fileId}`, { field: 'planFileId' });
  if (file.width === null || file.height === null) {
    throw unprocessable('The floor plan image has no known size', { field: 'planFileId' });
  }
  return { fileId: file.id, width: file.width, height: file.height };
}

export function floorUseCases({ buildings, floors, files }: Deps) {
  async function getFloor(id: string): Promise<Floor> {
    const floor = await floors.findById(id);
    if (!floor) throw notFound('Floor', id);
    return floor;
  }

  return {
    getFloor,
    async listFloors(filter: { buildingId?: string }): Promise<Floor[]> {
      if (filter.buildingId !== undefined && !(await buildings.findById(filter.buildingId))) {
        throw notFound('Building', filter.buildingId);
      }
      return floors.list(filter);
    },
    async createFloor(input: FloorInput): Promise<Floor> {
      if (!(await buildings.findById(input.buildingId))) {
        throw unprocessable(`No building ${input.buildingId}`, { field: 'buildingId' });
      }
      const plan = await resolvePlan(files, input.planFileId ?? null);
      return floors.create({ buildingId: input.buildingId, name: input.name, level: input.level, plan });
    },
    async updateFloor(id: string, patch: FloorPatch): Promise<Floor> {
      await getFloor(id);
      const plan = patch.planFileId === undefined ? undefined : await resolvePlan(files, patch.planFileId);
      const updated = await floors.update(id, {
        ...(patch.name === undefined ? {} : { name: patch.name }),
        ...(patch.level === undefined ? {} : { level: patch.level }),
        ...(plan === undefined ? {} : { plan }),
      });
      if (!updated) throw notFound('Floor', id);
      return updated;
    },
    async deleteFloor(id: string, options: DeleteOptions): Promise<void> {
      await getFloor(id);
      const rooms = await floors.countRooms(id);
      const verdict = containerDeletion('floor', rooms, options.cascade);
      if (!verdict.allowed) throw conflict(verdict.reason, { rooms });
      await floors.delete(id);
    },
  };
}
