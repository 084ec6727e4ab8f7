// Splits a part of the commune into hamlets: Voronoi cells of seeded points (relaxed a
// few Lloyd steps so hamlets are of similar size), clipped to the part. The topology
// step then makes neighbouring hamlets share their edges vertex for vertex.
import {
  bbox,
  booleanPointInPolygon,
  centerOfMass,
  featureCollection,
  intersect,
  point,
  polygon,
  voronoi,
} from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Ring } from './outline.ts';
import type { Rng } from './prng.ts';
import type { XY } from './frame.ts';

const LLOYD_STEPS = 5;

function cellsOf(seeds: XY[], part: Feature<Polygon>): Ring[] {
  const [minX, minY, maxX, maxY] = bbox(part);
  const pad = 2000;
  const cells = voronoi(featureCollection(seeds.map((s) => point(s))), {
    bbox: [minX - pad, minY - pad, maxX + pad, maxY + pad],
  });
  return cells.features.map((cell, i) => {
    // turf.voronoi drops duplicate seeds as null cells; seeded random floats never repeat.
    if (!cell) throw new Error(`make-sample: Voronoi cell ${i} is missing`);
    const clipped: Feature<Polygon | MultiPolygon> | null = intersect(featureCollection([cell, part]));
    if (!clipped) throw new Error(`make-sample: hamlet cell ${i} falls outside its part`);
    if (clipped.geometry.type !== 'Polygon') {
      throw new Error(`make-sample: hamlet cell ${i} splits into ${clipped.geometry.coordinates.length} pieces; change the seed`);
    }
    const outer = clipped.geometry.coordinates[0];
    if (!outer) throw new Error(`make-sample: hamlet cell ${i} is empty`);
    return outer.map((p) => [p[0], p[1]] as XY);
  });
}

/** Tiles `partRing` (local metres) with `count` hamlets of similar size. */
export function tilePart(partRing: Ring, count: number, rng: Rng): { rings: Ring[]; seeds: XY[] } {
  const part = polygon([partRing]);
  const [minX, minY, maxX, maxY] = bbox(part);
  let seeds: XY[] = [];
  while (seeds.length < count) {
    const p: XY = [rng.range(minX, maxX), rng.range(minY, maxY)];
    if (booleanPointInPolygon(p, part)) seeds.push(p);
  }
  let rings = cellsOf(seeds, part);
  for (let step = 0; step < LLOYD_STEPS; step++) {
    seeds = rings.map((r) => centerOfMass(polygon([r])).geometry.coordinates as XY);
    rings = cellsOf(seeds, part);
  }
  return { rings, seeds };
}
