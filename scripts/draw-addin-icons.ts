/**
 * Draws the Outlook add-in's icons (addin/assets/icons/icon-<size>.png) from code, so that they
 * can be regenerated at any size without an image editor: a rounded square in Fluent's brand blue
 * holding a white door with its knob. Run `npm run icons:addin` after changing the drawing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';

/** The sizes the manifest declares (IconUrl 64, HighResolutionIconUrl 128, buttons 16/32/80). */
export const ICON_SIZES = [16, 32, 64, 80, 128] as const;
export const ICON_DIR = path.resolve(__dirname, '..', 'addin', 'assets', 'icons');

type Rgba = readonly [number, number, number, number];
const BRAND: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const CLEAR: Rgba = [0, 0, 0, 0];
/** Sub-samples per pixel side: smooth edges without a vector renderer. */
const SUPERSAMPLE = 4;

function insideRoundedRect(x: number, y: number, left: number, top: number, size: number, radius: number): boolean {
  const right = left + size;
  const bottom = top + size;
  if (x < left || x > right || y < top || y > bottom) return false;
  const cx = Math.min(Math.max(x, left + radius), right - radius);
  const cy = Math.min(Math.max(y, top + radius), bottom - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** The colour of one point of the drawing, in a unit square (0..1). */
function colourAt(u: number, v: number): Rgba {
  if (!insideRoundedRect(u, v, 0, 0, 1, 0.2)) return CLEAR;
  const inDoor = u >= 0.32 && u <= 0.68 && v >= 0.2 && v <= 0.84;
  const onKnob = (u - 0.6) ** 2 + (v - 0.54) ** 2 <= 0.045 ** 2;
  return inDoor && !onKnob ? WHITE : BRAND;
}

export function drawIcon(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  const samples = SUPERSAMPLE * SUPERSAMPLE;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SUPERSAMPLE; sy++) {
        for (let sx = 0; sx < SUPERSAMPLE; sx++) {
          const colour = colourAt((x + (sx + 0.5) / SUPERSAMPLE) / size, (y + (sy + 0.5) / SUPERSAMPLE) / size);
          // Premultiplied by alpha, so transparent samples do not darken the edge.
          for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (colour[c] ?? 0) * (colour[3] / 255);
          sum[3] = (sum[3] ?? 0) + colour[3];
        }
      }
      const alpha = (sum[3] ?? 0) / samples;
      const offset = (y * size + x) * 4;
      for (let c = 0; c < 3; c++)
        png.data[offset + c] = alpha === 0 ? 0 : Math.round((sum[c] ?? 0) / samples / (alpha / 255));
      png.data[offset + 3] = Math.round(alpha);
    }
  }
  return PNG.sync.write(png);
}

function main(): void {
  mkdirSync(ICON_DIR, { recursive: true });
  for (const size of ICON_SIZES) {
    const file = path.join(ICON_DIR, `icon-${size}.png`);
    writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}×${size})`);
  }
}

if (require.main === module) main();
