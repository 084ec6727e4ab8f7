// Writes a DataPackage as a data-package folder (docs/data-package.md) so the report,
// the validator and the app can run on the benchmark's synthetic province.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Position } from 'geojson';
import Papa from 'papaparse';
import type { DataPackage } from '../../src/lib/engine/types.ts';
import { pointList } from '../../src/lib/engine/population.ts';

const SITE_FIELDS = ['id', 'site_id', 'name', 'carrier', 'lon', 'lat', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year'] as const;
const round6 = (deg: number) => Math.round(deg * 1e6) / 1e6;

/** A ring rounded to 6 decimals (~0.1 m) without the repeated vertices rounding can make. */
function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round6(p[0] as number), round6(p[1] as number)];
    const last = out.at(-1);
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** One feature per line keeps multi-hundred-MB files streamable by eye and by diff. */
function writeFeatures(path: string, features: readonly unknown[]): void {
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`);
}

/** Properties whose value is null are left out: the loader reads an absent field as "not given". */
function given(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).filter(([, value]) => value !== null));
}

/** Writes area.json, targets.json, hamlets.geojson, sites.csv, fiber.geojson and (when the package has points) population.geojson into `dir`. */
export function writePackage(pkg: DataPackage, dir: string): void {
  // The benchmark's packages hold nothing else; refuse rather than silently drop what a caller adds.
  const unwritten: string[] = (['coverage', 'cables', 'pois', 'speedtests', 'candidates'] as const).filter((key) => pkg[key].length > 0);
  if (pkg.dem) unwritten.push('dem');
  if (pkg.hasBasemap) unwritten.push('basemap');
  if (unwritten.length > 0) {
    throw new Error(`writePackage: cannot write ${unwritten.join(', ')}; expected a package of hamlets, cells, access points and population only`);
  }
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'area.json'), `${JSON.stringify(pkg.area, null, 2)}\n`);
  writeFileSync(join(dir, 'targets.json'), `${JSON.stringify(pkg.targets, null, 2)}\n`);
  writeFeatures(join(dir, 'hamlets.geojson'), pkg.hamlets.map((h) => ({
    type: 'Feature',
    properties: given({ id: h.id, name: h.name, population: h.population, households: h.households, adults: h.adults, esign_adults: h.esign_adults }),
    geometry: { ...h.geometry, coordinates: h.geometry.type === 'Polygon' ? h.geometry.coordinates.map(roundRing) : h.geometry.coordinates.map((poly) => poly.map(roundRing)) },
  })));
  const rows = pkg.cells.map((c) => SITE_FIELDS.map((f) => c[f] ?? ''));
  writeFileSync(join(dir, 'sites.csv'), `${Papa.unparse({ fields: [...SITE_FIELDS], data: rows }, { newline: '\r\n' })}\r\n`);
  if (pkg.population) {
    writeFeatures(join(dir, 'population.geojson'), pointList(pkg.population).map((p) => ({
      type: 'Feature', properties: { pop: p.pop }, geometry: { type: 'Point', coordinates: [round6(p.lon), round6(p.lat)] },
    })));
  }
  writeFeatures(join(dir, 'fiber.geojson'), pkg.accessPoints.map((a) => ({
    type: 'Feature',
    properties: given({ id: a.id, kind: 'access_point', carrier: a.carrier, max_mbps: a.max_mbps, reach_m: a.reach_m, status: a.status, on_air_year: a.on_air_year }),
    geometry: { type: 'Point', coordinates: [round6(a.lon), round6(a.lat)] },
  })));
}
