// Seeded synthetic data packages for the engine benchmark: communes tiled into Voronoi
// hamlets with wiggly shared borders, clustered settlement points, three-sector BTS
// sites near settlements, and fiber access points in villages. Same seed, same package.
import { featureCollection, kinks, point, voronoi } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { containsPoint, flattenPolygon } from '../../src/lib/engine/point-in-polygon.ts';
import { populationPoints } from '../../src/lib/engine/population.ts';
import type { AccessPoint, Cell, DataPackage, Hamlet, PopulationPoint } from '../../src/lib/engine/types.ts';
import { mulberry32 } from '../lib/prng.ts';


export interface Scale {
  /** Communes along x and y. */
  communesX: number;
  communesY: number;
  /** One commune's size, km. */
  communeKm: [number, number];
  hamletsPerCommune: number;
  peoplePerCommune: number;
  /** Average people per settlement point. */
  peoplePerPoint: number;
  sites4gPerCommune: number;
  sites5gPerCommune: number;
}

export const COMMUNE_SCALE: Scale = {
  communesX: 1, communesY: 1, communeKm: [8.1, 8.0], hamletsPerCommune: 25, peoplePerCommune: 16_000,
  peoplePerPoint: 2, sites4gPerCommune: 9, sites5gPerCommune: 4,
};

export const PROVINCE_SCALE: Scale = {
  communesX: 10, communesY: 9, communeKm: [6.28, 6.28], hamletsPerCommune: 28, peoplePerCommune: 20_000,
  peoplePerPoint: 2, sites4gPerCommune: 11, sites5gPerCommune: 4,
};

const ORIGIN: [number, number] = [105.55, 21.35];
const KM_PER_DEG_LON = 103.6;
const KM_PER_DEG_LAT = 110.7;
const EDGE_SUBDIVISIONS = 12;

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Splits an edge into wiggly pieces; the same edge walked either way gets the same points, so neighbours still share their border. */
function edgeKey(a: Position, b: Position): { key: string; forward: boolean } {
  const forward = (a[0] as number) < (b[0] as number) || (a[0] === b[0] && (a[1] as number) < (b[1] as number));
  const [s, e] = forward ? [a, b] : [b, a];
  return { key: `${s.join(',')};${e.join(',')}`, forward };
}

function wigglyEdge(a: Position, b: Position, bbox: number[], straight: ReadonlySet<string>): Position[] {
  const onBorder = (p: Position, q: Position) =>
    [0, 2].some((i) => p[0] === bbox[i] && q[0] === bbox[i]) || [1, 3].some((i) => p[1] === bbox[i] && q[1] === bbox[i]);
  const { key, forward } = edgeKey(a, b);
  // Short edges stay straight: subdivided, they would collapse when rounded to 6 decimals.
  const short = Math.hypot((a[0] as number) - (b[0] as number), (a[1] as number) - (b[1] as number)) < 0.0005;
  if (short || onBorder(a, b) || straight.has(key)) return [a];
  const [s, e] = forward ? [a, b] : [b, a];
  const random = mulberry32(hashString(key));
  const dx = (e[0] as number) - (s[0] as number);
  const dy = (e[1] as number) - (s[1] as number);
  const phase1 = random() * 6.28;
  const phase2 = random() * 6.28;
  const amplitude = 0.04 * (random() - 0.5) * 2;
  const pts: Position[] = [];
  for (let k = 1; k < EDGE_SUBDIVISIONS; k++) {
    const t = k / EDGE_SUBDIVISIONS;
    const off = amplitude * Math.sin(Math.PI * t) * (Math.sin(2 * Math.PI * t + phase1) + 0.5 * Math.sin(6 * Math.PI * t + phase2));
    pts.push([(s[0] as number) + dx * t - dy * off, (s[1] as number) + dy * t + dx * off]);
  }
  if (!forward) pts.reverse();
  return [a, ...pts];
}

function wigglyPolygon(polygon: Polygon, bbox: number[], straight: ReadonlySet<string>): Polygon {
  const ring = polygon.coordinates[0] as Position[];
  const out: Position[] = [];
  for (let i = 0; i + 1 < ring.length; i++) out.push(...wigglyEdge(ring[i] as Position, ring[i + 1] as Position, bbox, straight));
  out.push(out[0] as Position);
  return { type: 'Polygon', coordinates: [out] };
}

/** Wiggly hamlets that are all simple: a hamlet whose wiggles cross gets its edges (and so its neighbours' shared ones) straightened. */
function simpleWigglyPolygons(polygons: readonly Polygon[], bbox: number[]): Polygon[] {
  const straight = new Set<string>();
  for (;;) {
    const out = polygons.map((p) => wigglyPolygon(p, bbox, straight));
    const crossing = out.map((p, i) => (kinks(p).features.length > 0 ? i : -1)).filter((i) => i >= 0);
    if (crossing.length === 0) return out;
    for (const i of crossing) {
      const ring = polygons[i]?.coordinates[0] as Position[];
      for (let k = 0; k + 1 < ring.length; k++) straight.add(edgeKey(ring[k] as Position, ring[k + 1] as Position).key);
    }
  }
}

/** A seeded package at the given scale, with population points. */
export function syntheticPackage(scale: Scale, seed: number): DataPackage {
  const random = mulberry32(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const wDeg = scale.communeKm[0] / KM_PER_DEG_LON;
  const hDeg = scale.communeKm[1] / KM_PER_DEG_LAT;
  const hamlets: Hamlet[] = [];
  const population: PopulationPoint[] = [];
  const cells: Cell[] = [];
  const accessPoints: AccessPoint[] = [];
  for (let cx = 0; cx < scale.communesX; cx++) {
    for (let cy = 0; cy < scale.communesY; cy++) {
      const commune = `${cx}-${cy}`;
      const bbox = [ORIGIN[0] + cx * wDeg, ORIGIN[1] + cy * hDeg, ORIGIN[0] + (cx + 1) * wDeg, ORIGIN[1] + (cy + 1) * hDeg];
      const seeds = Array.from({ length: scale.hamletsPerCommune }, () =>
        point([(bbox[0] as number) + random() * wDeg, (bbox[1] as number) + random() * hDeg]),
      );
      const cellsOf = voronoi(featureCollection(seeds), { bbox: bbox as [number, number, number, number] });
      const weights = seeds.map(() => 0.3 + random());
      const weightSum = weights.reduce((s, w) => s + w, 0);
      const villages: [number, number][] = [];
      const voronoiPolygons = cellsOf.features.filter((f) => f?.geometry).map((f) => f.geometry);
      simpleWigglyPolygons(voronoiPolygons, bbox).forEach((geometry, i) => {
        const flat = flattenPolygon(geometry);
        const people = Math.round((scale.peoplePerCommune * (weights[i] as number)) / weightSum);
        const id = `${commune}-${String(i + 1).padStart(2, '0')}`;
        hamlets.push({ id, name: `Xóm ${id}`, population: people, households: null, adults: null, esign_adults: null, geometry });
        // Settlements: a few villages per hamlet, houses scattered around each.
        const [w, s, e, n] = flat.bbox;
        const centres: [number, number][] = [];
        for (let tries = 0; centres.length < 3 + Math.floor(random() * 4) && tries < 200; tries++) {
          const c: [number, number] = [w + random() * (e - w), s + random() * (n - s)];
          if (containsPoint(flat, c[0], c[1])) centres.push(c);
        }
        villages.push(...centres);
        const points = Math.max(1, Math.round(people / scale.peoplePerPoint));
        for (let k = 0, tries = 0; k < points && centres.length > 0 && tries < points * 50; tries++) {
          const c = centres[k % centres.length] as [number, number];
          const spreadKm = 0.15 + 0.1 * (k % 3);
          const lon = c[0] + (gauss() * spreadKm) / KM_PER_DEG_LON;
          const lat = c[1] + (gauss() * spreadKm) / KM_PER_DEG_LAT;
          if (!containsPoint(flat, lon, lat)) continue;
          population.push({ lon, lat, pop: Math.round((people / points) * 1000) / 1000 });
          k++;
        }
        for (const [j, c] of centres.slice(0, 2 + Math.floor(random() * 3)).entries()) {
          accessPoints.push({
            id: `ap-${id}-${j}`, lon: c[0], lat: c[1], carrier: random() < 0.5 ? 'VNPT' : 'Viettel',
            max_mbps: random() < 0.6 ? 1000 : 300, reach_m: 300, status: 'on_air', on_air_year: null,
          });
        }
      });
      const site = (n: number, tech: '4G' | '5G', rangeM: () => number) => {
        for (let k = 0; k < n; k++) {
          const v = villages[Math.floor(random() * villages.length)] ?? [bbox[0] as number, bbox[1] as number];
          const lon = v[0] + (gauss() * 0.3) / KM_PER_DEG_LON;
          const lat = v[1] + (gauss() * 0.3) / KM_PER_DEG_LAT;
          const rotation = random() * 120;
          const planned = random() < 0.1;
          const siteId = `${tech}-${commune}-${k}`;
          for (let sector = 0; sector < 3; sector++) {
            cells.push({
              id: `${siteId}-${sector}`, site_id: siteId, name: siteId, carrier: ['VNPT', 'Viettel', 'MobiFone'][k % 3] as string,
              lon, lat, tech, band_mhz: tech === '4G' ? 1800 : 3500, height_m: 30, azimuth_deg: (rotation + sector * 120) % 360,
              beamwidth_deg: 65, eirp_dbm: 60, range_m: Math.round(rangeM()),
              status: planned ? 'planned' : 'on_air', on_air_year: planned ? 2026 + Math.floor(random() * 3) : null,
            });
          }
        }
      };
      site(scale.sites4gPerCommune, '4G', () => 1200 + random() * 1300);
      site(scale.sites5gPerCommune, '5G', () => 400 + random() * 500);
    }
  }
  return {
    area: {
      id: 'bench', name: 'Synthetic benchmark area', province: 'Synthetic', sample: true, notes: `scripts/bench.ts seed ${seed}`,
      hamlet_coverage_threshold: 0.9, indicators: { ipv6_share: { value: 0.62, as_of: '2026-09' } },
    },
    targets: [
      { id: '4g_pop', metric: 'pop_share.4g', op: '>=', value: 0.99, deadline: '2026-Q4', clause: 'II.1.a' },
      { id: '5g_pop', metric: 'pop_share.5g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.b' },
      { id: 'fiber_hamlets', metric: 'hamlet_share.fiber', op: '>=', value: 0.8, deadline: '2027-Q4', clause: 'II.2.a' },
    ],
    hamlets, cells, coverage: [], accessPoints, cables: [], population: populationPoints(population), pois: [], speedtests: [], candidates: [], dem: null, hasBasemap: false, history: [],
  };
}
