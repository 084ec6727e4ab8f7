import { describe, expect, it } from 'vitest';
import { GENERATED_IMAGE_IDS, generatedImage, hatchPattern, ICON_PIXEL_RATIO, poiIcon } from './images.ts';

const alphaAt = (image: { width: number; data: Uint8Array }, x: number, y: number) => image.data[(y * image.width + x) * 4 + 3];
const rgbAt = (image: { width: number; data: Uint8Array }, x: number, y: number) => [...image.data.slice((y * image.width + x) * 4, (y * image.width + x) * 4 + 3)];

describe('hatchPattern', () => {
  it('is an 8×8 RGBA image with some opaque and some clear pixels', () => {
    const image = hatchPattern([178, 24, 43]);
    expect(image.data).toHaveLength(8 * 8 * 4);
    const alphas = [...image.data.filter((_, i) => i % 4 === 3)];
    expect(alphas.some((a) => a > 0)).toBe(true);
    expect(alphas.some((a) => a === 0)).toBe(true);
  });
});

describe('poiIcon', () => {
  it('is an opaque square with a white border, 16 CSS px at its pixel ratio', () => {
    const icon = poiIcon(true);
    expect(icon.width).toBe(16 * ICON_PIXEL_RATIO);
    expect(icon.data).toHaveLength(icon.width * icon.height * 4);
    expect(alphaAt(icon, 0, 0)).toBe(255);
    expect(rgbAt(icon, 0, 0)).toEqual([255, 255, 255]);
  });

  it('tells "not covered" by a white cross as well as by colour', () => {
    const covered = poiIcon(true);
    const uncovered = poiIcon(false);
    const centre = covered.width / 2;
    expect(rgbAt(uncovered, centre, centre)).toEqual([255, 255, 255]);
    expect(rgbAt(covered, centre, centre)).not.toEqual([255, 255, 255]);
    // Away from the cross and the border the two fills differ.
    expect(rgbAt(uncovered, centre, 6)).not.toEqual(rgbAt(covered, centre, 6));
  });
});

describe('generatedImage', () => {
  it('supplies every image the layers name, and nothing else', () => {
    for (const id of GENERATED_IMAGE_IDS) expect(generatedImage(id)).not.toBeNull();
    expect(generatedImage('no-such-icon')).toBeNull();
  });
});
