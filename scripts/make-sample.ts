// Generates the illustrative Nam Hoà data package in data/namhoa/ (docs/data-package.md).
//
//   npm run make-sample            # = tsx scripts/make-sample.ts [output-dir]
//
// Seeded and reproducible: two runs write byte-identical files (fixed seed, coordinates
// rounded to 6 decimals, no clock). Grounded in public facts (area, population, the 2025
// merger, hamlet names, plan targets); all geometry and network data are invented — see
// area.json `notes`. It prints an estimate of the coverage story per hamlet, from a rough
// stand-in for the propagation model (scripts/sample/estimate.ts), to tune the data by.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { booleanPointInPolygon, polygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { FILE_INDEX, fileIndexJson } from '../src/lib/data/file-index.ts';
import type { CoverageArea } from '../src/lib/engine/types.ts';
import { buildBasemapArchive } from './lib/basemap-archive.ts';
import { SAMPLE_BASEMAP_ZOOMS, sampleBasemapLayers } from './sample/basemap.ts';
import { round6, type XY } from './sample/frame.ts';
import { buildHamlets } from './sample/hamlets.ts';
import { HISTORY_COLUMNS, sampleHistory } from './sample/history.ts';
import { drawCables, placeAccessPoints } from './sample/fiber.ts';
import type { CoverageShape } from './sample/estimate.ts';
import { buildOutline } from './sample/outline.ts';
import { blob, sampleCandidates, samplePois } from './sample/places.ts';
import { HAMLET_COVERAGE_THRESHOLD, TARGETS, sampleArea } from './sample/plan.ts';
import { Rng } from './sample/prng.ts';
import { alongPath, trunkRoads } from './sample/roads.ts';
import { planSettlements, populationPoints } from './sample/settlements.ts';
import { buildCells, sampleSites } from './sample/sites.ts';
import { sampleSpeedTests } from './sample/speedtests.ts';
import { estimate, formatEstimates } from './sample/summary.ts';
import { writeDem } from './sample/terrain.ts';
import { verifyHamlets } from './sample/verify.ts';
import { writeCsv, writeGeoJson, writeJson } from './sample/write.ts';

const SEED = 20250701; // 1 July 2025: the day the merged commune came into being.
/** The basemap draws from its own stream of numbers, so it changes no other file. */
const BASEMAP_SEED = SEED + 1;
const OUT_DIR = process.argv[2] ?? 'data/namhoa';
/** Arc length of the HQ along QL17 as trunkRoads draws it. */
const HQ_ON_QL17_M = 6500;
const SITE_COLUMNS = ['id', 'site_id', 'name', 'carrier', 'lon', 'lat', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year'];
const SPEED_COLUMNS = ['lon', 'lat', 'time', 'kind', 'tech', 'carrier', 'down_mbps', 'up_mbps', 'latency_ms'];

const rng = new Rng(SEED);
const HQ: XY = [0, 0];

// Land: outline, hamlets, roads, settlements.
const outline = buildOutline();
const hamlets = buildHamlets(outline, rng);
const checked = verifyHamlets(hamlets);
const trunk = trunkRoads(rng);
const { settlements, roads } = planSettlements(hamlets, trunk, rng);
const people = populationPoints(hamlets, settlements, roads, rng);
const along = (road: number, distM: number): XY => alongPath((trunk[road] ?? trunk[0])?.path ?? [HQ], distM);
const core = (name: string): XY => {
  const i = hamlets.findIndex((h) => h.name === name);
  const s = settlements[i];
  if (!s) throw new Error(`make-sample: no hamlet named ${name}`);
  return s.core;
};

// Network: sites, carrier polygons, fiber.
const placeName = (at: XY): string => {
  const h = hamlets.find((x) => booleanPointInPolygon(at, polygon([x.ringXY])));
  return h ? h.name.replace(/^Xóm /, '') : 'Nam Hoà';
};
const cells = buildCells(sampleSites({ hq: HQ, along, core, placeName }), people, rng);
const coverage: (Omit<CoverageArea, 'geometry'> & { shape: Feature<Polygon> })[] = [
  { id: 'vnpt-fiber-centre', tech: 'fiber', carrier: 'VNPT', max_mbps: 1000, status: 'on_air', on_air_year: null, shape: blob(HQ, 650, rng) },
  { id: 'mobifone-4g-ql17', tech: '4G', carrier: 'MobiFone', max_mbps: null, status: 'on_air', on_air_year: null, shape: blob(along(0, 8600), 1900, rng) },
];
const shapes: CoverageShape[] = coverage.map((c) => ({ tech: c.tech, maxMbps: c.max_mbps, shape: c.shape }));
const aps = placeAccessPoints(hamlets, people, rng);
const cables = drawCables(aps, roads, HQ_ON_QL17_M);

// The story, estimated.
const now = estimate(hamlets, people, cells, aps, shapes, null, HAMLET_COVERAGE_THRESHOLD);
const in2026 = estimate(hamlets, people, cells, aps, shapes, 2026, HAMLET_COVERAGE_THRESHOLD);
// The disagreeing hamlets: the two best-covered Cây Thị hamlets without a mast of their own.
const poorHamlets = hamlets
  .filter((h) => h.part === 'cayThi' && h.name !== 'Xóm Cây Thị 1')
  .sort((a, b) => (now.hamlets.get(b.id)?.['4g'] ?? 0) - (now.hamlets.get(a.id)?.['4g'] ?? 0) || a.id.localeCompare(b.id))
  .slice(0, 2);
const speedtests = sampleSpeedTests(people, cells, aps, poorHamlets.map((h) => h.id), rng);
const pois = samplePois(HQ, hamlets, settlements, along);
const candidates = sampleCandidates(hamlets, settlements, rng);

// Earlier quarters' figures, from their own stream so the draws above stay as they were.
const area = sampleArea(hamlets);
const history = sampleHistory(now, area, hamlets.length, new Rng(SEED + 1));

// Write.
mkdirSync(OUT_DIR, { recursive: true });
writeJson(OUT_DIR, 'area.json', area);
writeJson(OUT_DIR, 'targets.json', TARGETS);
writeGeoJson(
  OUT_DIR,
  'hamlets.geojson',
  hamlets.map((h) => ({
    type: 'Feature',
    properties: { id: h.id, name: h.name, population: h.population, households: h.households, adults: h.adults, esign_adults: h.esignAdults },
    geometry: { type: 'Polygon', coordinates: [h.ring] },
  })),
);
writeCsv(OUT_DIR, 'sites.csv', SITE_COLUMNS, cells.map((c) => ({ ...c, lon: round6(c.lon), lat: round6(c.lat) })));
writeGeoJson(
  OUT_DIR,
  'coverage.geojson',
  coverage.map(({ shape, ...c }) => ({
    type: 'Feature',
    id: c.id,
    properties: { id: c.id, tech: c.tech, carrier: c.carrier, ...(c.max_mbps === null ? {} : { max_mbps: c.max_mbps }), status: c.status },
    geometry: shape.geometry,
  })),
);
writeGeoJson(OUT_DIR, 'fiber.geojson', [
  ...cables.map((c): Feature => ({
    type: 'Feature',
    properties: { id: c.id, kind: 'cable', carrier: c.carrier },
    geometry: { type: 'LineString', coordinates: c.path },
  })),
  ...aps.map((a): Feature => ({
    type: 'Feature',
    properties: {
      id: a.id,
      kind: 'access_point',
      carrier: a.carrier,
      max_mbps: a.maxMbps,
      reach_m: a.reachM,
      status: a.status,
      ...(a.year === null ? {} : { on_air_year: a.year }),
    },
    geometry: { type: 'Point', coordinates: a.lonLat },
  })),
]);
writeGeoJson(
  OUT_DIR,
  'population.geojson',
  people.map((p) => ({ type: 'Feature', properties: { pop: p.pop }, geometry: { type: 'Point', coordinates: p.lonLat } })),
);
writeGeoJson(
  OUT_DIR,
  'pois.geojson',
  pois.map((p) => ({ type: 'Feature', properties: { id: p.id, type: p.type, name: p.name }, geometry: { type: 'Point', coordinates: p.lonLat } })),
);
writeGeoJson(
  OUT_DIR,
  'candidates.geojson',
  candidates.map((c) => ({
    type: 'Feature',
    properties: { id: c.id, name: c.name, kind: c.kind, max_height_m: c.maxHeightM },
    geometry: { type: 'Point', coordinates: c.lonLat },
  })),
);
writeCsv(OUT_DIR, 'speedtests.csv', SPEED_COLUMNS, speedtests.map((s) => ({ ...s })));
writeCsv(OUT_DIR, 'history.csv', HISTORY_COLUMNS, history.map((h) => ({ ...h })));
// Node's gzip writes no timestamp, and the writer orders tiles by id: same bytes every run.
const basemap = buildBasemapArchive(sampleBasemapLayers(hamlets, settlements, roads, HQ, new Rng(BASEMAP_SEED)), (b) => new Uint8Array(gzipSync(b, { level: 9 })), {
  ...SAMPLE_BASEMAP_ZOOMS,
  centerZoom: 12,
  name: 'Nam Hoà synthetic basemap',
  description: 'Invented roads, stream, ponds, forest and place names in the Protomaps basemap schema (scripts/sample/basemap.ts); not surveyed data',
});
writeFileSync(join(OUT_DIR, 'basemap.pmtiles'), basemap.archive);
const dem = writeDem(OUT_DIR, outline.commune[0] ?? [], trunk[0]?.path ?? []);
// Last: the list of the files just written, so the app asks for these only.
writeFileSync(join(OUT_DIR, FILE_INDEX), fileIndexJson(readdirSync(OUT_DIR)));

// Report.
const sizeKb = readdirSync(OUT_DIR).reduce((s, f) => s + statSync(join(OUT_DIR, f)).size, 0) / 1024;
console.log(
  `Wrote ${OUT_DIR}: ${hamlets.length} hamlets, ${people.length} population points, ${cells.length} cells on ` +
    `${new Set(cells.map((c) => c.site_id)).size} sites, ${aps.length} fiber access points, ${cables.length} cables, ` +
    `${pois.length} POIs, ${candidates.length} candidates, ${speedtests.length} speed tests, ${history.length} history figures, ` +
    `a basemap of ${basemap.tileCount} tiles (${(basemap.archive.length / 1024).toFixed(0)} KB); ${sizeKb.toFixed(0)} KB.`,
);
console.log(
  `Areas (geodesic): outline ${checked.outlineKm2.toFixed(3)} km², Σ hamlets ${checked.sumKm2.toFixed(3)}, ` +
    `old Nam Hoà ${checked.namHoaKm2.toFixed(3)}, Cây Thị ${checked.cayThiKm2.toFixed(3)}; ` +
    `largest pairwise overlap ${checked.maxOverlapM2.toFixed(3)} m².`,
);
console.log(`dem.tif (synthetic): ${dem.width} × ${dem.height} pixels of 1″, ${dem.minM}–${dem.maxM} m.`);
console.log(`Slow mobile speed tests although predicted covered: ${poorHamlets.map((h) => `${h.id} ${h.name}`).join(', ')}.\n`);
console.log(formatEstimates(hamlets, now, in2026));
