import type { MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { ProblemList } from './collector.ts';
import { parseCrs } from './crs.ts';
import type { Crs } from './crs.ts';
import { readFeatureCollection } from './geojson.ts';

/** readFeatureCollection of one feature with this geometry: its geometry, and the problems as text. */
function read(geometry: unknown, crs: Crs | null = null): { geometry: unknown; problems: string[] } {
  const list = new ProblemList();
  const text = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry }] });
  const features = readFeatureCollection(text, list.forFile('hamlets.geojson'), crs);
  return { geometry: features?.[0]?.geometry ?? null, problems: list.items.map((p) => `${p.where}, ${p.field}: ${p.message}`) };
}

const parts: Position[][][] = [
  [[[105.8, 21.6], [105.81, 21.6], [105.81, 21.61], [105.8, 21.6]]],
  [[[105.9, 21.7], [105.91, 21.7], [105.91, 21.71], [105.9, 21.7]], [[105.902, 21.702], [105.903, 21.703], [105.904, 21.702], [105.902, 21.702]]],
];

describe('readFeatureCollection positions', () => {
  it('keeps WGS84 positions and drops a third coordinate (height)', () => {
    const withHeights = parts.map((rings, p) => rings.map((ring) => ring.map((pos, i) => (p === 1 && i % 2 === 0 ? [...pos, 12.5] : pos))));
    expect(read({ type: 'MultiPolygon', coordinates: withHeights })).toEqual({ geometry: { type: 'MultiPolygon', coordinates: parts }, problems: [] });
  });

  it('names the wrong position or array deep in a MultiPolygon, after good ones', () => {
    const badPosition = structuredClone(parts) as unknown[][][];
    badPosition[1]![1]![2] = ['105.903', 21.7];
    expect(read({ type: 'MultiPolygon', coordinates: badPosition }).problems).toEqual([
      'feature 0, geometry: coordinates[1][1][2] is ["105.903",21.7]; expected a position [x, y] of two numbers',
    ]);
    const badRing = structuredClone(parts) as unknown[][];
    badRing[1]![1] = 5;
    expect(read({ type: 'MultiPolygon', coordinates: badRing }).problems).toEqual(['feature 0, geometry: coordinates[1][1] is a number; expected an array']);
    const outOfRange = structuredClone(parts);
    outOfRange[1]![0]![1] = [181, 21.7];
    expect(read({ type: 'MultiPolygon', coordinates: outOfRange }).problems).toEqual(['feature 0, geometry: lon 181 is outside −180..180 (coordinates[1][0][1])']);
    expect(read({ type: 'Point', coordinates: [105.8, 91] }).problems).toEqual(['feature 0, geometry: lat 91 is outside −90..90']);
  });

  it('converts every position of every part and ring from a projected CRS', () => {
    const utm48 = parseCrs('EPSG:3405')!;
    const projected = parts.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => utm48.fromWgs84(lon!, lat!))));
    const { geometry, problems } = read({ type: 'MultiPolygon', coordinates: projected }, utm48);
    expect(problems).toEqual([]);
    const got = (geometry as MultiPolygon).coordinates;
    expect(got.map((rings) => rings.map((ring) => ring.length))).toEqual([[4], [4, 4]]);
    got.forEach((rings, p) => rings.forEach((ring, r) => ring.forEach((pos, i) => {
      expect(pos).toHaveLength(2);
      expect(pos[0]).toBeCloseTo(parts[p]![r]![i]![0]!, 7);
      expect(pos[1]).toBeCloseTo(parts[p]![r]![i]![1]!, 7);
    })));
  });
});
