import type { Palette } from './palettes';
import { projectAll, flatQuad, frontQuad, shadeColour, sideWallQuad, type Box, type Camera } from './perspective';
import { seededRandom, type Random } from './random';
import { drawBox, drawChair, drawPlant, drawRoundTable, drawTableLegs, type Facing } from './roomFurniture';
import {
  drawAccessSign,
  drawArtwork,
  drawCameraBar,
  drawCeilingLights,
  drawScreen,
  drawShell,
  drawWhiteboard,
  drawWindows,
  type RoomShell,
} from './roomWalls';
import { el, polygon, svgDocument } from './svg';

export const ROOM_IMAGE_WIDTH = 640;
export const ROOM_IMAGE_HEIGHT = 400;

export interface RoomImageInput {
  readonly name: string;
  readonly capacity: number;
  readonly tags: readonly string[];
}

export interface DrawnRoomImage {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  readonly alt: string;
}

type View = 'overview' | 'corner' | 'detail';

interface Features {
  readonly display: boolean;
  readonly video: boolean;
  readonly whiteboard: boolean;
  readonly accessible: boolean;
  readonly booth: boolean;
}

function featuresOf(room: RoomImageInput): Features {
  return {
    display: room.tags.includes('Display'),
    video: room.tags.includes('Video conference'),
    whiteboard: room.tags.includes('Whiteboard'),
    accessible: room.tags.includes('Wheelchair accessible'),
    booth: room.tags.includes('Phone booth') || room.capacity <= 3,
  };
}

/** Plausible room sizes in metres for a number of seats. */
function shellFor(capacity: number, booth: boolean): Omit<RoomShell, 'nearZ'> {
  if (booth) return { width: 1.8, depth: 2.0, height: 2.5 };
  const sizes: ReadonlyArray<readonly [number, number, number]> = [
    [4, 3.4, 4.2],
    [6, 4.0, 5.2],
    [8, 4.4, 6.2],
    [12, 5.0, 7.6],
    [16, 6.0, 9.0],
    [24, 7.0, 10.5],
  ];
  const found = sizes.find(([seats]) => capacity <= seats);
  const [, width, depth] = found ?? [0, 8, 11];
  return { width, depth, height: capacity > 24 ? 3.2 : 2.8 };
}

const FOCAL = 360;

function cameraFor(view: View, shell: RoomShell, random: Random, fromLeft: boolean, booth: boolean): Camera {
  const base = { width: ROOM_IMAGE_WIDTH, height: ROOM_IMAGE_HEIGHT, focal: FOCAL, horizon: 0.4 };
  const eyeY = 1.65;
  // Inside a booth: standing in its open door.
  if (booth) return { ...base, eye: [shell.width / 2 + random.between(-0.2, 0.2), 1.5, -1.1] };
  if (view === 'overview')
    return { ...base, eye: [shell.width / 2 + random.between(-0.3, 0.3), eyeY, shell.nearZ - 0.3] };
  if (view === 'corner')
    return { ...base, eye: [shell.width * (fromLeft ? 0.18 : 0.82), eyeY + 0.15, shell.nearZ - 0.2] };
  return { ...base, eye: [shell.width * 0.62, eyeY - 0.1, shell.nearZ - 0.4] };
}

interface Scene {
  readonly camera: Camera;
  readonly shell: RoomShell;
  readonly palette: Palette;
  readonly random: Random;
  readonly chairColour: string;
}

function chairsAround(scene: Scene, spots: ReadonlyArray<readonly [number, number, Facing]>): string[] {
  return spots
    .filter(([, z]) => z - 0.3 > scene.shell.nearZ)
    .flatMap(([x, z, facing]) => drawChair(scene.camera, x, z, facing, scene.chairColour));
}

/** A long table along the room's depth with chairs on both sides and at the far end. */
function boardroomTable(scene: Scene, capacity: number, video: boolean): string[] {
  const { shell, camera, palette } = scene;
  const tableWidth = capacity >= 12 ? 1.3 : 1.1;
  const perSide = Math.min(Math.ceil((capacity - 1) / 2), Math.floor((shell.depth - 2.6) / 0.75));
  const length = perSide * 0.75 + 0.5;
  const x0 = (shell.width - tableWidth) / 2;
  const z0 = Math.max(1.4, (shell.depth - length) / 2);
  const top: Box = { x0, x1: x0 + tableWidth, y0: 0.72, y1: 0.76, z0, z1: z0 + length };
  const far: Array<readonly [number, number, Facing]> = [[shell.width / 2, top.z1 + 0.45, 'south']];
  const sides: Array<readonly [number, number, Facing]> = [];
  for (let i = perSide - 1; i >= 0; i -= 1) {
    const z = z0 + 0.5 + i * 0.75;
    sides.push([x0 - 0.38, z, 'east'], [top.x1 + 0.38, z, 'west']);
  }
  // Close-ups start part-way into the room: the table runs out of the picture at the bottom.
  const shown: Box = { ...top, z0: Math.max(top.z0, shell.nearZ + 0.05) };
  const tableParts =
    shown.z1 > shown.z0 + 0.2
      ? [...drawTableLegs(camera, shown, '#3a3f44'), ...drawBox(camera, shown, palette.wood, palette.woodEdge)]
      : [];
  const puckZ = top.z0 + length / 2;
  const puck =
    video && puckZ - 0.12 > shown.z0
      ? [
          polygon(
            projectAll(
              camera,
              flatQuad(0.77, shell.width / 2 - 0.12, shell.width / 2 + 0.12, puckZ - 0.12, puckZ + 0.12),
            ),
            { fill: '#23272b' },
          ),
        ]
      : [];
  return [...chairsAround(scene, far), ...chairsAround(scene, sides), ...tableParts, ...puck];
}

function roundTable(scene: Scene, capacity: number): string[] {
  const { shell } = scene;
  const cx = shell.width / 2;
  const cz = Math.max(shell.depth * 0.55, shell.nearZ + 1.6);
  const radius = capacity <= 2 ? 0.4 : 0.55;
  const spots = Array.from({ length: capacity }, (_, i): readonly [number, number, Facing] => {
    const angle = Math.PI / 2 + (i * 2 * Math.PI) / capacity;
    const x = cx + (radius + 0.35) * Math.cos(angle);
    const z = cz + (radius + 0.35) * Math.sin(angle);
    const facing: Facing =
      Math.abs(Math.cos(angle)) > Math.abs(Math.sin(angle))
        ? Math.cos(angle) > 0
          ? 'west'
          : 'east'
        : Math.sin(angle) > 0
          ? 'south'
          : 'north';
    return [x, z, facing];
  });
  const behind = spots.filter(([, z]) => z >= cz).sort((a, b) => b[1] - a[1]);
  const before = spots.filter(([, z]) => z < cz).sort((a, b) => b[1] - a[1]);
  return [
    ...chairsAround(scene, behind),
    ...drawRoundTable(scene.camera, cx, cz, radius, scene.palette),
    ...chairsAround(scene, before),
  ];
}

/** Rows of chairs facing the display, for the large halls. */
function theatreRows(scene: Scene, capacity: number): string[] {
  const { shell } = scene;
  const cols = Math.floor((shell.width - 1.6) / 0.62);
  const rows = Math.min(Math.ceil(capacity / cols), Math.floor((shell.depth - 3.5) / 1.1));
  const spots: Array<readonly [number, number, Facing]> = [];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols && spots.length < capacity; c += 1)
      spots.push([0.8 + 0.31 + c * 0.62, shell.depth - 2.6 - r * 1.1, 'north']);
  }
  // The front row is nearest the screen; chairs nearer the camera are painted over those behind.
  spots.sort((a, b) => b[1] - a[1]);
  const lectern: Box = { x0: 0.9, x1: 1.4, y0: 0, y1: 1.1, z0: shell.depth - 1.4, z1: shell.depth - 1.0 };
  return [...drawBox(scene.camera, lectern, scene.palette.wood, scene.palette.woodEdge), ...chairsAround(scene, spots)];
}

function boothInterior(scene: Scene, capacity: number): string[] {
  const { shell, camera, palette } = scene;
  const desk: Box = { x0: 0.15, x1: shell.width - 0.15, y0: 0.72, y1: 0.76, z0: shell.depth - 0.55, z1: shell.depth };
  const seats = Math.min(capacity, 2);
  const spots = Array.from({ length: seats }, (_, i): readonly [number, number, Facing] => [
    (shell.width * (i + 1)) / (seats + 1),
    shell.depth - 0.85,
    'north',
  ]);
  const felt = scene.random.pick(palette.felt);
  const panels: string[] = [];
  for (let z = shell.nearZ + 0.1; z < shell.depth - 0.1; z += 0.4) {
    panels.push(
      polygon(projectAll(camera, sideWallQuad(0.01, z, z + 0.3, 0.3, 2.2)), { fill: shadeColour(felt, 0.1) }),
    );
    panels.push(
      polygon(projectAll(camera, sideWallQuad(shell.width - 0.01, z, z + 0.3, 0.3, 2.2)), {
        fill: shadeColour(felt, 0.05),
      }),
    );
  }
  const [lampX, lampY] = projectAll(camera, [[shell.width / 2, 1.7, shell.depth - 0.6]])[0] ?? [0, 0];
  const [, cordTop] = projectAll(camera, [[shell.width / 2, shell.height, shell.depth - 0.6]])[0] ?? [0, 0];
  const lamp = [
    el('line', { x1: lampX, y1: cordTop, x2: lampX, y2: lampY, stroke: '#2b2b2b', 'stroke-width': 1 }),
    polygon(
      [
        [lampX - 14, lampY + 14],
        [lampX + 14, lampY + 14],
        [lampX + 6, lampY],
        [lampX - 6, lampY],
      ],
      { fill: '#f2c14e' },
    ),
  ];
  return [
    ...panels,
    ...drawTableLegs(camera, desk, '#3a3f44'),
    ...drawBox(camera, desk, palette.wood, palette.woodEdge),
    ...chairsAround(scene, spots),
    ...lamp,
  ];
}

/** The office around a booth seen from outside: wall, floor and the booth's frame. */
function boothSurroundings(
  camera: Camera,
  shell: RoomShell,
  palette: Palette,
  felt: string,
): { behind: string[]; front: string[] } {
  const opening = projectAll(camera, frontQuad(0, 0, shell.width, 0, shell.height));
  const frame = projectAll(camera, frontQuad(0, -0.12, shell.width + 0.12, 0, shell.height + 0.12));
  const [fx0, fy0] = frame[3] ?? [0, 0];
  const [fx1, fy1] = frame[1] ?? [0, 0];
  const [ox0, oy0] = opening[3] ?? [0, 0];
  const [ox1, oy1] = opening[1] ?? [0, 0];
  const floorLine = fy1;
  const behind = [
    el('rect', { x: 0, y: 0, width: ROOM_IMAGE_WIDTH, height: floorLine, fill: '#eceae6' }),
    el('rect', {
      x: 0,
      y: floorLine,
      width: ROOM_IMAGE_WIDTH,
      height: ROOM_IMAGE_HEIGHT - floorLine,
      fill: palette.floor,
    }),
  ];
  // The frame is drawn as four bars so the interior shows through the opening.
  const front = [
    el('rect', { x: fx0, y: fy0, width: fx1 - fx0, height: oy0 - fy0, fill: felt }),
    el('rect', { x: fx0, y: oy0, width: ox0 - fx0, height: fy1 - oy0, fill: felt }),
    el('rect', { x: ox1, y: oy0, width: fx1 - ox1, height: fy1 - oy0, fill: felt }),
    el('line', {
      x1: ox0 + (ox1 - ox0) * 0.15,
      y1: oy0 + 10,
      x2: ox0 + (ox1 - ox0) * 0.35,
      y2: oy1 - 40,
      stroke: '#ffffff',
      'stroke-width': 3,
      'stroke-opacity': 0.35,
    }),
    el('line', {
      x1: ox0 + (ox1 - ox0) * 0.28,
      y1: oy0 + 10,
      x2: ox0 + (ox1 - ox0) * 0.44,
      y2: oy1 - 80,
      stroke: '#ffffff',
      'stroke-width': 2,
      'stroke-opacity': 0.3,
    }),
  ];
  return { behind, front };
}

/** A close-up of a room without a display looks straight at its whiteboard. */
function whiteboardFacing(features: Features, view: View): boolean {
  return view === 'detail' && !features.display && features.whiteboard;
}

function backWallFeature(scene: Scene, features: Features, view: View, accent: string): string[] {
  const { camera, shell, palette, random } = scene;
  if (features.display) return drawScreen(camera, shell, palette, accent);
  if (whiteboardFacing(features, view)) return drawWhiteboard(camera, shell, random, 'back');
  return drawArtwork(camera, shell, palette, random);
}

function describe(room: RoomImageInput, features: Features, view: View, fromLeft: boolean): string {
  const equipment = [
    features.display ? 'a wall display' : '',
    features.video ? 'a video conference camera' : '',
    features.whiteboard ? 'a whiteboard' : '',
  ].filter(Boolean);
  const withText = equipment.length > 0 ? ` with ${equipment.join(', ').replace(/, ([^,]*)$/, ' and $1')}` : '';
  const kind = features.booth ? 'phone booth' : 'meeting room';
  const people = room.capacity === 1 ? '1 person' : `${room.capacity} people`;
  if (view === 'overview') return `${room.name}: ${kind} for ${people}${withText}.`;
  if (view === 'corner')
    return features.booth
      ? `Inside the ${room.name} phone booth, with its desk and acoustic panels.`
      : `${room.name} seen from the ${fromLeft ? 'left' : 'right'} corner, with windows along the right wall.`;
  if (features.display) return `${room.name}: the display${features.video ? ' and the camera under it' : ''}.`;
  return `${room.name}: the whiteboard wall.`;
}

function viewsFor(features: Features, count: number): View[] {
  const detail: View[] = features.display || features.whiteboard ? ['detail'] : [];
  const all: View[] = features.booth ? ['overview', 'corner'] : ['overview', 'corner', ...detail];
  return all.slice(0, Math.max(1, count));
}

function drawView(
  room: RoomImageInput,
  features: Features,
  palette: Palette,
  view: View,
  random: Random,
): DrawnRoomImage {
  const fromLeft = random.chance(0.5);
  const size = shellFor(room.capacity, features.booth);
  const shell: RoomShell = { ...size, nearZ: view === 'detail' ? size.depth * 0.45 : 0 };
  const outside = features.booth && view === 'overview';
  const camera = outside
    ? {
        width: ROOM_IMAGE_WIDTH,
        height: ROOM_IMAGE_HEIGHT,
        focal: FOCAL,
        horizon: 0.42,
        eye: [shell.width / 2 + random.between(-0.4, 0.4), 1.6, -2.6] as const,
      }
    : cameraFor(view, shell, random, fromLeft, features.booth);
  const scene: Scene = { camera, shell, palette, random, chairColour: random.pick(palette.chairs) };
  const wall = random.pick(palette.walls);
  const backWall = features.booth
    ? random.pick(palette.felt)
    : random.chance(0.6)
      ? random.pick(palette.accentWalls)
      : wall;
  const accent = random.pick(palette.accentWalls);
  const surroundings = outside
    ? boothSurroundings(camera, shell, palette, shadeColour(backWall, 0.25))
    : { behind: [], front: [] };
  const body = [
    el('rect', { x: 0, y: 0, width: ROOM_IMAGE_WIDTH, height: ROOM_IMAGE_HEIGHT, fill: shadeColour(wall, 0.1) }),
    ...surroundings.behind,
    ...drawShell(camera, shell, wall, backWall, palette),
    ...(features.booth ? [] : drawCeilingLights(camera, shell)),
    ...(features.booth ? [] : drawWindows(camera, shell, '#cfe4f4')),
    ...backWallFeature(scene, features, view, accent),
    ...(features.video ? drawCameraBar(camera, shell) : []),
    ...(features.whiteboard && !features.booth && !whiteboardFacing(features, view)
      ? drawWhiteboard(camera, shell, random)
      : []),
    ...(features.accessible ? drawAccessSign(camera, shell) : []),
    ...(!features.booth && random.chance(0.7) ? drawPlant(camera, shell.width - 0.45, shell.depth - 0.45, random) : []),
    ...(features.booth
      ? boothInterior(scene, room.capacity)
      : room.capacity > 24
        ? theatreRows(scene, room.capacity)
        : room.capacity <= 4
          ? roundTable(scene, room.capacity)
          : boardroomTable(scene, room.capacity, features.video)),
    ...surroundings.front,
  ];
  const alt = describe(room, features, view, fromLeft);
  return {
    svg: svgDocument({ width: ROOM_IMAGE_WIDTH, height: ROOM_IMAGE_HEIGHT, title: room.name, description: alt }, body),
    width: ROOM_IMAGE_WIDTH,
    height: ROOM_IMAGE_HEIGHT,
    alt,
  };
}

/**
 * One to three illustrations of a room: the same room always gets the same pictures, and what
 * they show follows its seats and tags (table size, display, camera, whiteboard, booth).
 */
export function drawRoomImages(room: RoomImageInput, palette: Palette): DrawnRoomImage[] {
  const features = featuresOf(room);
  const random = seededRandom(`room-images:${room.name}`);
  const count = room.capacity >= 10 ? 3 : random.int(1, 3);
  return viewsFor(features, count).map((view) =>
    drawView(room, features, palette, view, seededRandom(`${room.name}:${view}`)),
  );
}
