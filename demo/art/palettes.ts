/** Each demo building has its own colours, so its plans and photos are recognisably its own. */
export interface Palette {
  /** Floor plan: room fill, phone booth fill and the accent used for titles. */
  readonly planRoom: string;
  readonly planBooth: string;
  readonly planAccent: string;
  /** Room pictures. */
  readonly walls: readonly string[];
  readonly accentWalls: readonly string[];
  readonly floor: string;
  readonly floorShade: string;
  readonly wood: string;
  readonly woodEdge: string;
  readonly chairs: readonly string[];
  readonly felt: readonly string[];
}

const HARBOUR: Palette = {
  planRoom: '#e3eef8',
  planBooth: '#d8f0ea',
  planAccent: '#1f4e79',
  walls: ['#eef2f5', '#f2f4f3', '#e9eef2'],
  accentWalls: ['#1f4e79', '#2a6f8f', '#3d5a6c', '#8fb3c9'],
  floor: '#5b6b7a',
  floorShade: '#4c5a67',
  wood: '#b07d4f',
  woodEdge: '#8a5f3a',
  chairs: ['#263545', '#2a6f8f', '#c44536'],
  felt: ['#2a6f8f', '#3d5a6c', '#1f4e79'],
};

const RIVERSIDE: Palette = {
  planRoom: '#fbeee2',
  planBooth: '#f3ecd9',
  planAccent: '#b4531f',
  walls: ['#f4f1ec', '#f1eee8', '#f6f3ef'],
  accentWalls: ['#d9692b', '#6e7f5e', '#b4531f', '#e3b448'],
  floor: '#7a746c',
  floorShade: '#69635c',
  wood: '#d8b98a',
  woodEdge: '#b39366',
  chairs: ['#333333', '#d9692b', '#6e7f5e'],
  felt: ['#6e7f5e', '#d9692b', '#8c8478'],
};

const PALETTES: Readonly<Record<string, Palette>> = { harbour: HARBOUR, riverside: RIVERSIDE };

export function paletteFor(buildingKey: string): Palette {
  return PALETTES[buildingKey] ?? HARBOUR;
}
