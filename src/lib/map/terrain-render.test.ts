import { describe, expect, it } from 'vitest';
import { predictTerrainCoverage, Terrain } from '../engine/propagation/terrain/index.ts';
import { syntheticDem } from '../engine/propagation/terrain/synthetic-dem.ts';
import { hillshadeImage, signalImage, SIGNAL_STOPS } from './terrain-render.ts';

const SITE: [number, number] = [105.92, 21.61];

describe('hillshadeImage', () => {
  it('darkens slopes facing away from the north-west sun and leaves flat ground clear', () => {
    // Western half: a slope facing the sun (falling towards the north-west) or facing away
    // from it (rising towards the north-west); the eastern half is flat.
    const terrain = new Terrain(syntheticDem(SITE, 1500, 30, (east, north) => (east < 0 ? 100 - 0.3 * (north - east) : 100)));
    const shaded = new Terrain(syntheticDem(SITE, 1500, 30, (east, north) => (east < 0 ? 100 + 0.3 * (north - east) : 100)));
    const alphaAt = (image: ReturnType<typeof hillshadeImage>, col: number, row: number) => image.rgba[(row * image.width + col) * 4 + 3];
    const lit = hillshadeImage(terrain), dark = hillshadeImage(shaded);
    const row = Math.floor(lit.height / 2);
    expect(alphaAt(lit, lit.width - 5, row)).toBe(0);
    expect(alphaAt(lit, 10, row)).toBe(0);
    expect(alphaAt(dark, 10, row)).toBeGreaterThan(50);
    expect(lit.coordinates[0][0]).toBeLessThan(lit.coordinates[1][0]);
  });
});

describe('signalImage', () => {
  it('colours the covered area by level and leaves the rest clear', () => {
    const terrain = new Terrain(syntheticDem(SITE, 4000, 30, () => 40));
    const coverage = predictTerrainCoverage({ tech: '4G', bandMHz: 1800, heightM: 30, eirpDbm: 60, center: SITE, azimuthDeg: null, beamwidthDeg: 360 }, terrain);
    const image = signalImage([coverage])!;
    const pixel = (col: number, row: number) => Array.from(image.rgba.slice((row * image.width + col) * 4, (row * image.width + col) * 4 + 4));
    const middle = pixel(Math.floor(image.width / 2), Math.floor(image.height / 2));
    expect(middle.slice(0, 3)).toEqual(SIGNAL_STOPS[SIGNAL_STOPS.length - 1]!.color);
    expect(pixel(0, 0)[3]).toBe(0);
    expect(signalImage([])).toBeNull();
  });
});
