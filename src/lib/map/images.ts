// The map's icons and patterns, drawn here as RGBA pixels instead of loaded from a sprite
// sheet: the style stays offline and self-contained. Pure; the map component adds each
// image the first time the style asks for it (MapView's missing-image resolver).
import { HOLE_COLOR, POI_COVERED_COLOR, POI_UNCOVERED_COLOR } from './colors.ts';

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** Image ids the layers use. */
export const HATCH_IMAGE = 'hatch';
export const POI_COVERED_IMAGE = 'poi-covered';
export const POI_UNCOVERED_IMAGE = 'poi-uncovered';
export const GENERATED_IMAGE_IDS = [HATCH_IMAGE, POI_COVERED_IMAGE, POI_UNCOVERED_IMAGE] as const;

/** Device pixels per CSS pixel of the generated icons, so they stay sharp on dense screens. */
export const ICON_PIXEL_RATIO = 2;

function rgb(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

/** The hatch pattern for uniform-model hamlets: 8×8 RGBA pixels with one diagonal stroke. */
export function hatchPattern(color: [number, number, number]): RgbaImage {
  const size = 8;
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if ((x + y) % size !== 0 && (x + y) % size !== 1) continue;
      const i = (y * size + x) * 4;
      data.set([color[0], color[1], color[2], 200], i);
    }
  }
  return { width: size, height: size, data };
}

/** A priority-place marker: a square (sites are circles, so the two never look alike) with
 *  a white border; "not covered" also carries a white ×, so it does not rest on colour alone. */
export function poiIcon(covered: boolean): RgbaImage {
  const size = 16 * ICON_PIXEL_RATIO;
  const border = 2 * ICON_PIXEL_RATIO;
  const fill = rgb(covered ? POI_COVERED_COLOR : POI_UNCOVERED_COLOR);
  const data = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const edge = x < border || y < border || x >= size - border || y >= size - border;
      const cross = !covered && (Math.abs(x - y) < ICON_PIXEL_RATIO * 1.2 || Math.abs(x + y - (size - 1)) < ICON_PIXEL_RATIO * 1.2);
      data.set(edge || cross ? [255, 255, 255, 255] : [...fill, 255], (y * size + x) * 4);
    }
  }
  return { width: size, height: size, data };
}

/** The image a layer asks for by id, with the pixel ratio to add it at; null for an unknown id. */
export function generatedImage(id: string): { image: RgbaImage; pixelRatio: number } | null {
  if (id === HATCH_IMAGE) return { image: hatchPattern(rgb(HOLE_COLOR)), pixelRatio: 1 };
  if (id === POI_COVERED_IMAGE) return { image: poiIcon(true), pixelRatio: ICON_PIXEL_RATIO };
  if (id === POI_UNCOVERED_IMAGE) return { image: poiIcon(false), pixelRatio: ICON_PIXEL_RATIO };
  return null;
}
