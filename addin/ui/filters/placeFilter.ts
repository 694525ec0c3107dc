/** Building and floor filters of a room search: the floor list follows the chosen building. */
interface PlacedFloor {
  readonly id: string;
  readonly buildingId: string;
}

/** The floors to offer: all of them, or those of the chosen building. */
export function floorsOfBuilding<F extends PlacedFloor>(floors: readonly F[], building: string): F[] {
  return floors.filter((f) => !building || f.buildingId === building);
}

/** The floor filter after the building changed: kept if it lies in the new building (or any building), else cleared. */
export function floorAfterBuildingChange(floors: readonly PlacedFloor[], floor: string, building: string): string {
  if (!building) return floor;
  return floors.some((f) => f.id === floor && f.buildingId === building) ? floor : '';
}
