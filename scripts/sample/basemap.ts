// The sample's synthetic basemap (basemap.pmtiles, Protomaps schema): the generator's own
// roads (QL17, the commune roads, village roads and hill tracks), a stream down from the
// Cây Thị hills past Xóm Bờ Suối, the ponds the "Ao …" and "Đầm …" hamlets are named
// after, a reservoir in the hills, and the two centres' names. No landuse: under the
// hamlet choropleth, forest patches read as coverage noise. Everything is invented, like
// the rest of the sample's geometry; area.json says so.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { add, dist, toLonLat, type XY } from './frame.ts';
import type { HamletDraft } from './hamlets.ts';
import { blob } from './places.ts';
import type { Rng } from './prng.ts';
import { meander, nearestOnRoads, type Road } from './roads.ts';
import type { Settlement } from './settlements.ts';

/** Zooms of the archive: the commune fills the screen near 11.5; MapLibre overzooms beyond 14. */
export const SAMPLE_BASEMAP_ZOOMS = { minZoom: 0, maxZoom: 14 } as const;

/** How far the land (Protomaps `earth`) reaches beyond the roads and hamlets, metres. */
const EARTH_MARGIN_M = 1500;

type Props = Record<string, string | number>;

/** Local-metre geometry written as [lon, lat]. */
function line(path: readonly XY[]): Geometry {
  return { type: 'LineString', coordinates: path.map(toLonLat) };
}

function feature(geometry: Geometry, properties: Props): Feature {
  return { type: 'Feature', properties, geometry };
}

/** The same name as a local (`name`), Vietnamese and English label. */
function names(vi: string, en: string): Props {
  return { name: vi, 'name:vi': vi, 'name:en': en };
}

/** Protomaps road properties for each generated road: trunk roads by index, village roads by name. */
function roadProps(road: Road, index: number): Props {
  if (index === 0) return { kind: 'major_road', kind_detail: 'trunk', ...names('Quốc lộ 17', 'National Road 17'), ref: 'QL17', shield_text: 'QL17', min_zoom: 6 };
  if (index === 1) return { kind: 'major_road', kind_detail: 'tertiary', ...names(road.name, 'Nam Hoa – Cay Thi District Road'), min_zoom: 9 };
  if (road.name.startsWith('Đường lên đồi')) return { kind: 'path', kind_detail: 'track', name: road.name, 'name:vi': road.name, min_zoom: 13 };
  const detail = index < 6 ? 'unclassified' : 'residential';
  return { kind: 'minor_road', kind_detail: detail, name: road.name, 'name:vi': road.name, min_zoom: index < 6 ? 10 : 12 };
}

/** A point near `hamlet`'s seed, at least `clearM` from every road when one such is found in a few tries. */
function openGround(hamlet: HamletDraft, roads: readonly Road[], clearM: number, rng: Rng): XY {
  let best: { at: XY; roadM: number } = { at: hamlet.seed, roadM: nearestOnRoads(hamlet.seed, roads).distM };
  for (let i = 0; i < 40 && best.roadM < clearM; i++) {
    const at = add(hamlet.seed, [rng.normal(), rng.normal()], 350);
    const roadM = nearestOnRoads(at, roads).distM;
    if (roadM > best.roadM) best = { at, roadM };
  }
  return best.at;
}

function byName(hamlets: readonly HamletDraft[], name: string): HamletDraft {
  const h = hamlets.find((x) => x.name === name);
  if (!h) throw new Error(`sample basemap: no hamlet named ${name}`);
  return h;
}

/** Legs (bearing °, length m) of a polyline through waypoints, for meander(). */
function legsThrough(points: readonly XY[]): [number, number][] {
  const legs: [number, number][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i] as XY, points[i + 1] as XY];
    legs.push([(Math.atan2(b[0] - a[0], b[1] - a[1]) * 180) / Math.PI, dist(a, b)]);
  }
  return legs;
}

/** The basemap's layers as GeoJSON, keyed by Protomaps source-layer name. */
export function sampleBasemapLayers(
  hamlets: readonly HamletDraft[],
  settlements: readonly Settlement[],
  roads: readonly Road[],
  hq: XY,
  rng: Rng,
): Record<string, FeatureCollection> {
  const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
  const cayThi = hamlets.filter((h) => h.part === 'cayThi');

  // Land under everything: the box round every road and hamlet, plus a margin.
  const all = [...hamlets.flatMap((h) => h.ringXY), ...roads.flatMap((r) => r.path)];
  const [w, s] = [Math.min(...all.map((p) => p[0])) - EARTH_MARGIN_M, Math.min(...all.map((p) => p[1])) - EARTH_MARGIN_M];
  const [e, n] = [Math.max(...all.map((p) => p[0])) + EARTH_MARGIN_M, Math.max(...all.map((p) => p[1])) + EARTH_MARGIN_M];
  const earth = feature({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]].map((p) => toLonLat(p as XY))] }, { kind: 'earth' });

  // The stream: from the farthest hill hamlet down past Xóm Bờ Suối and out to the south.
  const source = cayThi.reduce((far, h) => (dist(h.seed, hq) > dist(far.seed, hq) ? h : far));
  const boSuoi = byName(hamlets, 'Xóm Bờ Suối');
  const via = [source.seed, byName(hamlets, 'Xóm Cây Thị 3').seed, boSuoi.seed, add(boSuoi.seed, [-300, -2600])];
  const stream = feature(line(meander(via[0] as XY, legsThrough(via), 120, rng)), { kind: 'river', ...names('Suối Cây Thị', 'Cay Thi Stream'), min_zoom: 9 });

  // Ponds the hamlets are named after, and a reservoir in the hills.
  const ponds: Array<[string, string, string, number]> = [
    ['Xóm Ao Sen', 'Ao Sen', 'Lotus Pond', 110],
    ['Xóm Đầm Ninh', 'Đầm Ninh', 'Ninh Lagoon', 190],
    ['Xóm Đầm Diềm', 'Đầm Diềm', 'Diem Lagoon', 170],
    ['Xóm Đầm Cỏ', 'Đầm Cỏ', 'Co Lagoon', 150],
    ['Xóm Cây Thị 5', 'Hồ Cây Thị', 'Cay Thi Reservoir', 330],
  ];
  const water = ponds.map(([hamlet, vi, en, radiusM]) =>
    feature(blob(openGround(byName(hamlets, hamlet), roads, radiusM + 80, rng), radiusM, rng).geometry, { kind: 'lake', ...names(vi, en), min_zoom: 11 }),
  );

  const cayThiCore = settlements[hamlets.indexOf(byName(hamlets, 'Xóm Cây Thị 1'))]?.core ?? hq;
  const places = [
    feature({ type: 'Point', coordinates: toLonLat(hq) }, { kind: 'locality', kind_detail: 'town', ...names('Nam Hoà', 'Nam Hoa'), min_zoom: 8, population_rank: 8 }),
    feature({ type: 'Point', coordinates: toLonLat(cayThiCore) }, { kind: 'locality', kind_detail: 'village', ...names('Cây Thị', 'Cay Thi'), min_zoom: 10, population_rank: 6 }),
  ];

  return {
    earth: collection([earth]),
    water: collection([...water, stream]),
    roads: collection(roads.map((road, i) => feature(line(road.path), roadProps(road, i)))),
    places: collection(places),
  };
}
