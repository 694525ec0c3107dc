import { floorAfterBuildingChange, floorsOfBuilding } from './placeFilter';

const floors = [
  { id: 'f1', buildingId: 'harbour' },
  { id: 'f2', buildingId: 'harbour' },
  { id: 'f3', buildingId: 'tower' },
];

describe('building and floor filters', () => {
  it('offers every floor until a building is chosen, then only that building’s', () => {
    expect(floorsOfBuilding(floors, '').map((f) => f.id)).toEqual(['f1', 'f2', 'f3']);
    expect(floorsOfBuilding(floors, 'tower').map((f) => f.id)).toEqual(['f3']);
  });

  it('keeps the chosen floor when it lies in the new building, or when any building will do', () => {
    expect(floorAfterBuildingChange(floors, 'f2', 'harbour')).toBe('f2');
    expect(floorAfterBuildingChange(floors, 'f3', '')).toBe('f3');
  });

  it('clears a floor that is not in the newly chosen building', () => {
    expect(floorAfterBuildingChange(floors, 'f1', 'tower')).toBe('');
  });
});
