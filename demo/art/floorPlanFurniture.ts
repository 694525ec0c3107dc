import type { Rect } from './geometry';
import { el } from './svg';

/** Plan furniture: enough to read a room's purpose at a glance (table, seats, rows). */

const CHAIR_PITCH = 22;
const CHAIR_RADIUS = 6;
const TABLE_DEPTH = 36;
const INK = '#5f6b76';

const chair = (cx: number, cy: number): string =>
  el('circle', { cx, cy, r: CHAIR_RADIUS, fill: '#ffffff', stroke: INK, 'stroke-width': 1.2 });

function boardroom(area: Rect, capacity: number): string[] {
  const horizontal = area.width >= area.height;
  const length = horizontal ? area.width : area.height;
  const perSideWanted = Math.ceil(Math.min(capacity, 20) / 2);
  const perSide = Math.max(1, Math.min(perSideWanted, Math.floor((length - 40) / CHAIR_PITCH)));
  const tableLength = perSide * CHAIR_PITCH + 12;
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  const w = horizontal ? tableLength : TABLE_DEPTH;
  const h = horizontal ? TABLE_DEPTH : tableLength;
  const parts = [
    el('rect', {
      x: cx - w / 2,
      y: cy - h / 2,
      width: w,
      height: h,
      rx: 6,
      fill: '#ffffff',
      stroke: INK,
      'stroke-width': 1.5,
    }),
  ];
  for (let i = 0; i < perSide; i += 1) {
    const along = -tableLength / 2 + 6 + CHAIR_PITCH / 2 + i * CHAIR_PITCH;
    const off = TABLE_DEPTH / 2 + CHAIR_RADIUS + 3;
    parts.push(horizontal ? chair(cx + along, cy - off) : chair(cx - off, cy + along));
    parts.push(horizontal ? chair(cx + along, cy + off) : chair(cx + off, cy + along));
  }
  return parts;
}

function theatre(area: Rect, capacity: number): string[] {
  const cols = Math.max(1, Math.floor((area.width - 20) / CHAIR_PITCH));
  const rows = Math.max(1, Math.min(Math.ceil(capacity / cols), Math.floor((area.height - 40) / 20)));
  const startX = area.x + (area.width - (cols - 1) * CHAIR_PITCH) / 2;
  const parts = [
    el('rect', { x: area.x + area.width / 2 - 40, y: area.y + 4, width: 80, height: 8, rx: 2, fill: '#3b4650' }),
  ];
  for (let r = 0; r < rows; r += 1) {
    for (let c = 0; c < cols && r * cols + c < capacity; c += 1) {
      parts.push(chair(startX + c * CHAIR_PITCH, area.y + 34 + r * 20));
    }
  }
  return parts;
}

function booth(area: Rect, capacity: number): string[] {
  const cx = area.x + area.width / 2;
  const cy = area.y + area.height / 2;
  const parts = [
    el('rect', {
      x: cx - 24,
      y: cy - 14,
      width: 48,
      height: 28,
      rx: 4,
      fill: '#ffffff',
      stroke: INK,
      'stroke-width': 1.5,
    }),
  ];
  parts.push(chair(cx, cy - 26));
  if (capacity >= 2) parts.push(chair(cx, cy + 26));
  if (capacity >= 3) parts.push(chair(cx + 34, cy));
  return parts;
}

/** Furniture for a room whose free floor (below its label) is `area`. */
export function planFurniture(area: Rect, capacity: number, isPhoneBooth: boolean): string[] {
  if (area.width < 40 || area.height < 40) return [];
  if (isPhoneBooth || capacity <= 3) return booth(area, capacity);
  if (capacity > 20) return theatre(area, capacity);
  return boardroom(area, capacity);
}
