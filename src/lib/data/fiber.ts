// fiber.geojson: cables (LineString, drawn only) and access points (Point: splitter /
// ODP boxes whose reach makes fiber coverage). A MultiLineString becomes one cable per
// part, with ids `<id>#<part>`.
import type { LineString, MultiLineString } from 'geojson';
import type { AccessPoint, FiberCable } from '../engine/types.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import type { Crs } from './crs.ts';
import { IdRegistry, UnknownNames, featureId } from './features.ts';
import { readFeatureCollection } from './geojson.ts';
import { STATUSES } from './sites.ts';
import { FieldReader } from './values.ts';

export const DEFAULT_REACH_M = 300;

export interface Fiber {
  accessPoints: AccessPoint[];
  cables: FiberCable[];
}

export function loadFiber(text: string, fp: FileProblems, crs: Crs | null): Fiber | null {
  const features = readFeatureCollection(text, fp, crs);
  if (!features) return null;
  const errorsBefore = fp.errorCount;
  const accessPoints: AccessPoint[] = [];
  const cables: FiberCable[] = [];
  const unknown = new UnknownNames();
  const ids = new IdRegistry();
  for (const f of features) {
    const r = new FieldReader(fp, f.where, f.properties, 'json');
    const id = featureId(f, r, false) ?? `fiber.geojson#${f.index}`;
    ids.check(id, f.where, r);
    const carrier = r.text('carrier', false) ?? '';
    const g = f.geometry;
    if (f.geometryReported) {
      unknown.note(f.properties, r);
      continue;
    }
    if (!g) {
      r.fail('geometry', 'missing; expected a Point (access point) or a LineString (cable)');
      continue;
    }
    if (g.type === 'Point') {
      r.oneOf('kind', ['access_point'], 'access_point');
      const maxMbps = r.ranged('max_mbps', RANGES.max_mbps);
      const reachM = r.ranged('reach_m', RANGES.reach_m) ?? DEFAULT_REACH_M;
      const status = r.oneOf('status', STATUSES, 'on_air');
      const onAirYear = r.year('on_air_year');
      if (status === 'planned' && onAirYear === null && r.ok) {
        r.warn('on_air_year', 'missing for a planned access point; it will never count as on air');
      }
      unknown.note(f.properties, r);
      if (!r.ok || status === null) continue;
      const [lon, lat] = g.coordinates;
      accessPoints.push({ id, lon: lon!, lat: lat!, carrier, max_mbps: maxMbps, reach_m: reachM, status, on_air_year: onAirYear });
    } else if (g.type === 'LineString' || g.type === 'MultiLineString') {
      r.oneOf('kind', ['cable'], 'cable');
      // Cables are drawn only; their other properties (max_mbps, status…) are not used.
      unknown.note(f.properties, r, ['max_mbps', 'status', 'on_air_year', 'name']);
      const parts = g.type === 'LineString' ? [g.coordinates] : (g as MultiLineString).coordinates;
      parts.forEach((coords, p) => {
        if (coords.length < 2) r.fail('geometry', `${parts.length > 1 ? `line ${p} ` : ''}has ${coords.length} position(s); expected at least 2`);
      });
      if (!r.ok) continue;
      parts.forEach((coords, p) => {
        const geometry: LineString = { type: 'LineString', coordinates: coords };
        cables.push({ id: parts.length > 1 ? `${id}#${p}` : id, carrier, geometry });
      });
    } else {
      r.fail('geometry', `got a ${g.type}; expected a Point (access point) or a LineString (cable)`);
      unknown.note(f.properties, r);
    }
  }
  unknown.report(fp);
  return fp.errorCount > errorsBefore ? null : { accessPoints, cables };
}
