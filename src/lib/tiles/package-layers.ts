// A data package as one GeoJSON FeatureCollection per tile source-layer (see layers.ts).
// Only the properties layers.ts lists are kept, and null values are left out because
// MVT has no null: a style tests `has` instead.
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { area, bbox, featureCollection, polygon } from '@turf/turf';
import polylabel from 'polylabel';
import { projectGeometry, unionToMultiPolygon } from '../engine/clip.ts';
import { EqualAreaProjection } from '../engine/projection.ts';
import type { DataPackage, Hamlet, HamletGeometry } from '../engine/types.ts';
import type { TileLayerId } from './layers.ts';

export type PackageLayers = Record<TileLayerId, FeatureCollection>;

/** Holes smaller than this in the hamlets' union are digitising gaps between hamlets, not enclaves. */
const MIN_COMMUNE_HOLE_M2 = 10_000;
/** Pole-of-inaccessibility precision, in locally scaled degrees (≈ 1 m). */
const LABEL_PRECISION_DEG = 1e-5;

type Props = Record<string, string | number | null>;

function withoutNulls(props: Props): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(props)) if (value !== null) out[key] = value;
  return out;
}

function feature(geometry: Geometry, props: Props): Feature {
  return { type: 'Feature', geometry, properties: withoutNulls(props) };
}

function point(lon: number, lat: number, props: Props): Feature<Point> {
  return feature({ type: 'Point', coordinates: [lon, lat] }, props) as Feature<Point>;
}

/** Builds every tile layer's features from a validated package; coordinates in lon/lat degrees. */
export function packageLayers(pkg: DataPackage): PackageLayers {
  const hamletProps = (h: Hamlet): Props => ({ id: h.id, name: h.name, population: h.population });
  return {
    hamlets: featureCollection(pkg.hamlets.map((h) => feature(h.geometry, hamletProps(h)))),
    hamlet_labels: featureCollection(
      pkg.hamlets.map((h) => {
        const [lon, lat] = labelPoint(h.geometry);
        return point(lon, lat, hamletProps(h));
      }),
    ),
    commune: featureCollection(communeOutline(pkg)),
    sites: featureCollection(
      pkg.cells.map((c) =>
        point(c.lon, c.lat, {
          id: c.id,
          site_id: c.site_id,
          name: c.name,
          carrier: c.carrier,
          tech: c.tech,
          status: c.status,
          on_air_year: c.on_air_year,
          azimuth_deg: c.azimuth_deg,
          beamwidth_deg: c.beamwidth_deg,
          band_mhz: c.band_mhz,
        }),
      ),
    ),
    fiber_cables: featureCollection(pkg.cables.map((c) => feature(c.geometry, { id: c.id, carrier: c.carrier }))),
    access_points: featureCollection(
      pkg.accessPoints.map((a) =>
        point(a.lon, a.lat, { id: a.id, carrier: a.carrier, max_mbps: a.max_mbps, reach_m: a.reach_m, status: a.status }),
      ),
    ),
    pois: featureCollection(pkg.pois.map((p) => point(p.lon, p.lat, { id: p.id, type: p.type, name: p.name }))),
    speedtests: featureCollection(
      pkg.speedtests.map((s) =>
        point(s.lon, s.lat, {
          kind: s.kind,
          tech: s.tech,
          carrier: s.carrier,
          down_mbps: s.down_mbps,
          up_mbps: s.up_mbps,
          latency_ms: s.latency_ms,
          time: s.time,
        }),
      ),
    ),
  };
}

/** The pole of inaccessibility of a hamlet's largest part, as [lon, lat] degrees. */
export function labelPoint(geometry: HamletGeometry): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest = parts[0]!;
  let largestM2 = -1;
  for (const rings of parts) {
    const m2 = area(polygon(rings));
    if (m2 > largestM2) [largest, largestM2] = [rings, m2];
  }
  // polylabel measures distances in the plane; shrinking longitude by cos(lat) makes
  // degrees of both axes about equally long, so the pole is not pulled east–west.
  const lat0 = largest[0]![0]![1]!;
  const kx = Math.cos((lat0 * Math.PI) / 180);
  const scaled = largest.map((ring) => ring.map((p): [number, number] => [p[0]! * kx, p[1]!]));
  const [x, y] = polylabel(scaled, LABEL_PRECISION_DEG);
  return [x / kx, y];
}

/**
 * The union of all hamlets, with digitising gaps between them closed; empty without hamlets.
 * United with the engine's Clipper2 overlay (the same one that measures coverage), which
 * also keeps Turf's arbitrary-precision clipper out of the browser bundle.
 */
function communeOutline(pkg: DataPackage): Feature[] {
  if (pkg.hamlets.length === 0) return [];
  const [west, south, east, north] = bbox(featureCollection(pkg.hamlets.map((h) => feature(h.geometry, {}))));
  const projection = new EqualAreaProjection([(west + east) / 2, (south + north) / 2]);
  const merged = unionToMultiPolygon(
    pkg.hamlets.flatMap((h) => projectGeometry(h.geometry, projection)),
    projection,
  );
  if (merged.coordinates.length === 0) return [];
  const keepHole = (ring: Position[]) => area(polygon([ring])) >= MIN_COMMUNE_HOLE_M2;
  const parts = merged.coordinates.map((rings) => [rings[0]!, ...rings.slice(1).filter(keepHole)]);
  const geometry: Polygon | MultiPolygon =
    parts.length === 1 ? { type: 'Polygon', coordinates: parts[0]! } : { type: 'MultiPolygon', coordinates: parts };
  return [feature(geometry, { id: pkg.area.id, name: pkg.area.name })];
}
