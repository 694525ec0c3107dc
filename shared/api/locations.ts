import { z } from 'zod';
import { idParamsSchema, uuidSchema } from '../schemas/common';
import {
  buildingInputSchema,
  buildingPatchSchema,
  buildingSchema,
  floorInputSchema,
  floorPatchSchema,
  floorSchema,
  roomInputSchema,
  roomPatchSchema,
  roomSchema,
} from '../schemas/locations';
import { endpoint } from './endpoint';

/**
 * `cascade=true` also deletes what hangs below: a building's floors and rooms, a floor's rooms,
 * a room's bookings. Without it, deleting something that still has rooms (or, for a room,
 * confirmed bookings to come) answers 409 with the count in `details`.
 */
export const deleteQuerySchema = z
  .object({ cascade: z.enum(['true', 'false']).default('false') })
  .meta({ id: 'DeleteOptions' });

export const floorListQuerySchema = z.object({ buildingId: uuidSchema.optional() });

const TAG_BUILDINGS = 'Buildings';
const TAG_FLOORS = 'Floors';
const TAG_ROOMS = 'Rooms';

export const locationsEndpoints = {
  listBuildings: endpoint({
    method: 'get',
    path: '/buildings',
    tag: TAG_BUILDINGS,
    summary: 'All buildings, by name',
    access: 'signed-in',
    response: z.array(buildingSchema),
  }),
  getBuilding: endpoint({
    method: 'get',
    path: '/buildings/:id',
    tag: TAG_BUILDINGS,
    summary: 'One building',
    access: 'signed-in',
    params: idParamsSchema,
    response: buildingSchema,
  }),
  createBuilding: endpoint({
    method: 'post',
    path: '/buildings',
    tag: TAG_BUILDINGS,
    summary: 'Create a building',
    access: 'admin',
    body: buildingInputSchema,
    response: buildingSchema,
    successStatus: 201,
  }),
  updateBuilding: endpoint({
    method: 'patch',
    path: '/buildings/:id',
    tag: TAG_BUILDINGS,
    summary: 'Change a building',
    access: 'admin',
    params: idParamsSchema,
    body: buildingPatchSchema,
    response: buildingSchema,
  }),
  deleteBuilding: endpoint({
    method: 'delete',
    path: '/buildings/:id',
    tag: TAG_BUILDINGS,
    summary: 'Delete a building; 409 while it has rooms unless cascade=true',
    access: 'admin',
    params: idParamsSchema,
    query: deleteQuerySchema,
    successStatus: 204,
  }),
  listFloors: endpoint({
    method: 'get',
    path: '/floors',
    tag: TAG_FLOORS,
    summary: 'Floors, of one building when buildingId is given, by building and level',
    access: 'signed-in',
    query: floorListQuerySchema,
    response: z.array(floorSchema),
  }),
  getFloor: endpoint({
    method: 'get',
    path: '/floors/:id',
    tag: TAG_FLOORS,
    summary: 'One floor',
    access: 'signed-in',
    params: idParamsSchema,
    response: floorSchema,
  }),
  createFloor: endpoint({
    method: 'post',
    path: '/floors',
    tag: TAG_FLOORS,
    summary: 'Create a floor; 409 when the building already has a floor on that level',
    access: 'admin',
    body: floorInputSchema,
    response: floorSchema,
    successStatus: 201,
  }),
  updateFloor: endpoint({
    method: 'patch',
    path: '/floors/:id',
    tag: TAG_FLOORS,
    summary: 'Change a floor; planFileId null removes the plan',
    access: 'admin',
    params: idParamsSchema,
    body: floorPatchSchema,
    response: floorSchema,
  }),
  deleteFloor: endpoint({
    method: 'delete',
    path: '/floors/:id',
    tag: TAG_FLOORS,
    summary: 'Delete a floor; 409 while it has rooms unless cascade=true',
    access: 'admin',
    params: idParamsSchema,
    query: deleteQuerySchema,
    successStatus: 204,
  }),
  getRoom: endpoint({
    method: 'get',
    path: '/rooms/:id',
    tag: TAG_ROOMS,
    summary: 'One room',
    access: 'signed-in',
    params: idParamsSchema,
    response: roomSchema,
  }),
  createRoom: endpoint({
    method: 'post',
    path: '/rooms',
    tag: TAG_ROOMS,
    summary: 'Create a room; 409 when another room uses the Exchange email',
    access: 'admin',
    body: roomInputSchema,
    response: roomSchema,
    successStatus: 201,
  }),
  updateRoom: endpoint({
    method: 'patch',
    path: '/rooms/:id',
    tag: TAG_ROOMS,
    summary: 'Change a room; a new exchangeEmail resets its Exchange connection to unconnected',
    access: 'admin',
    params: idParamsSchema,
    body: roomPatchSchema,
    response: roomSchema,
  }),
  deleteRoom: endpoint({
    method: 'delete',
    path: '/rooms/:id',
    tag: TAG_ROOMS,
    summary: 'Delete a room; 409 while it has confirmed bookings to come unless cascade=true',
    access: 'admin',
    params: idParamsSchema,
    query: deleteQuerySchema,
    successStatus: 204,
  }),
};
