// A tiny synthetic basemap in the Protomaps basemap schema (https://docs.protomaps.com/basemaps/layers),
// for the fixture package tests/fixtures/packages/basemap/: a few features in each layer
// the @protomaps/basemaps style reads, with the properties its filters and text fields
// use (kind, kind_detail, name, name:vi, name:en, min_zoom, population_rank). Invented
// geometry around the fixture's hamlets (105.90–105.92 E, 21.49–21.51 N).
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { buildBasemapArchive } from './basemap-archive.ts';

/** Zooms of the archive: Protomaps builds stop at 15 and MapLibre overzooms beyond. */
export const BASEMAP_FIXTURE_MIN_ZOOM = 0;
export const BASEMAP_FIXTURE_MAX_ZOOM = 15;

/** The one place label. Its three names differ so a test can tell which one is drawn. */
export const FIXTURE_PLACE = { name: 'Lang Doi', 'name:vi': 'Làng Đồi', 'name:en': 'Doi Village' } as const;

type Props = Record<string, string | number>;

/** South-west corners of the few buildings (about 15 × 13 m each). */
const BUILDING_CORNERS: Array<[number, number]> = [
  [105.9038, 21.5012],
  [105.9052, 21.5031],
  [105.9127, 21.4951],
  [105.9142, 21.4968],
  [105.9061, 21.4942],
];

function feature(geometry: Geometry, properties: Props): Feature {
  return { type: 'Feature', properties, geometry };
}

/** An axis-aligned rectangle [west, south, east, north] as a closed, counter-clockwise ring. */
function rect(w: number, s: number, e: number, n: number): Geometry {
  return { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] };
}

function line(...points: Array<[number, number]>): Geometry {
  return { type: 'LineString', coordinates: points };
}

function collection(...features: Feature[]): FeatureCollection {
  return { type: 'FeatureCollection', features };
}

/** The basemap's layers as GeoJSON, keyed by Protomaps source-layer name. */
export function basemapFixtureLayers(): Record<string, FeatureCollection> {
  return {
    earth: collection(feature(rect(105.86, 21.46, 105.96, 21.54), { kind: 'earth' })),
    landuse: collection(
      feature(rect(105.889, 21.5065, 105.8992, 21.52), { kind: 'forest', min_zoom: 8 }),
      feature(rect(105.9065, 21.4915, 105.9085, 21.4935), { kind: 'school', name: 'Truong Tieu hoc', 'name:vi': 'Trường Tiểu học', min_zoom: 13 }),
    ),
    water: collection(
      feature(rect(105.9206, 21.501, 105.9233, 21.508), {
        kind: 'lake',
        name: 'Ho Da Xanh',
        'name:vi': 'Hồ Đá Xanh',
        'name:en': 'Green Stone Lake',
        min_zoom: 10,
      }),
      feature(line([105.922, 21.53], [105.9218, 21.508]), { kind: 'river', name: 'Song Dao', 'name:vi': 'Sông Đào', 'name:en': 'Dao River', min_zoom: 9 }),
      feature(line([105.9222, 21.501], [105.9226, 21.485], [105.93, 21.47]), {
        kind: 'river',
        name: 'Song Dao',
        'name:vi': 'Sông Đào',
        'name:en': 'Dao River',
        min_zoom: 9,
      }),
    ),
    roads: collection(
      feature(line([105.87, 21.4965], [105.9, 21.4975], [105.92, 21.4995], [105.95, 21.501]), {
        kind: 'major_road',
        kind_detail: 'secondary',
        name: 'Duong tinh 261',
        'name:vi': 'Đường tỉnh 261',
        ref: 'ĐT261',
        min_zoom: 7,
      }),
      feature(line([105.905, 21.4975], [105.9045, 21.505], [105.903, 21.515]), { kind: 'minor_road', kind_detail: 'residential', min_zoom: 12 }),
      feature(line([105.913, 21.4985], [105.9135, 21.492], [105.915, 21.485]), { kind: 'minor_road', kind_detail: 'unclassified', min_zoom: 12 }),
      feature(line([105.9045, 21.505], [105.912, 21.5065], [105.9205, 21.5055]), { kind: 'path', kind_detail: 'track', min_zoom: 14 }),
    ),
    buildings: collection(
      ...BUILDING_CORNERS.map(([lon, lat]) => feature(rect(lon, lat, lon + 0.00015, lat + 0.00012), { kind: 'building', min_zoom: 14 })),
    ),
    places: collection(
      feature({ type: 'Point', coordinates: [105.898, 21.5035] }, {
        kind: 'locality',
        kind_detail: 'village',
        ...FIXTURE_PLACE,
        min_zoom: 11,
        population_rank: 6,
      }),
    ),
  };
}

/** The fixture's basemap.pmtiles bytes (gzip-compressed MVT) and how many tiles it holds. */
export function buildBasemapFixture(gzip: (bytes: Uint8Array) => Uint8Array): { archive: Uint8Array; tileCount: number } {
  return buildBasemapArchive(basemapFixtureLayers(), gzip, {
    minZoom: BASEMAP_FIXTURE_MIN_ZOOM,
    maxZoom: BASEMAP_FIXTURE_MAX_ZOOM,
    centerZoom: 14,
    name: 'Basemap test fixture',
    description: 'Synthetic features in the Protomaps basemap schema (scripts/make-basemap-fixture.ts); not real places',
  });
}
