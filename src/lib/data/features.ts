// Helpers shared by the GeoJSON loaders.
import type { Point } from 'geojson';
import type { HamletGeometry, LonLat } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import type { GeoFeature } from './geojson.ts';
import { checkPolygonal } from './geometry-checks.ts';
import { numericIdWarning } from './values.ts';
import type { FieldReader } from './values.ts';

/** Collects property names no loader asked for, to warn once per file. */
export class UnknownNames {
  private readonly names = new Set<string>();

  note(record: Record<string, unknown>, r: FieldReader, alsoKnown: readonly string[] = []): void {
    for (const k of Object.keys(record)) if (!r.asked.has(k) && !alsoKnown.includes(k)) this.names.add(k);
  }

  report(fp: FileProblems, kind: 'property' | 'column' = 'property'): void {
    if (!this.names.size) return;
    const word = this.names.size === 1 ? kind : kind === 'property' ? 'properties' : 'columns';
    fp.warn(null, null, `unknown ${word} ${[...this.names].join(', ')} ignored`);
  }
}

/**
 * The feature's id: its `id` property, else the Feature's own `id` member, else null.
 * Integers are written in decimal; other non-text ids are an error.
 */
export function featureId(f: GeoFeature, r: FieldReader, required: boolean): string | null {
  if (r.has('id') || f.featureId === undefined || f.featureId === null) return r.id('id', required);
  if (typeof f.featureId === 'string') return f.featureId;
  if (typeof f.featureId === 'number' && Number.isInteger(f.featureId)) {
    r.warn('id', `the Feature id ${numericIdWarning(f.featureId)}`);
    return String(f.featureId);
  }
  r.fail('id', `the Feature id ${JSON.stringify(f.featureId)} is not text; expected an id (text)`);
  return null;
}

/** A Point feature's position, or an error naming what the geometry is instead. */
export function pointOf(f: GeoFeature, r: FieldReader): LonLat | null {
  if (f.geometryReported) {
    r.ok = false;
    return null;
  }
  if (!f.geometry) {
    r.fail('geometry', 'missing; expected a Point');
    return null;
  }
  if (f.geometry.type !== 'Point') {
    r.fail('geometry', `got a ${f.geometry.type}; expected a Point`);
    return null;
  }
  const [lon, lat] = (f.geometry as Point).coordinates;
  return [lon!, lat!];
}

/**
 * A Polygon/MultiPolygon feature's geometry, checked and cleaned (see checkPolygonal), or
 * an error naming what is wrong with it.
 */
export function polygonalOf(f: GeoFeature, r: FieldReader): HamletGeometry | null {
  if (f.geometryReported) {
    r.ok = false;
    return null;
  }
  if (!f.geometry) {
    r.fail('geometry', 'missing; expected a Polygon or MultiPolygon');
    return null;
  }
  const checked = checkPolygonal(f.geometry);
  if ('message' in checked) {
    r.fail('geometry', checked.message);
    return null;
  }
  return checked.geometry;
}

/** Reports a duplicate id; returns false when `id` was seen before. */
export class IdRegistry {
  private readonly seen = new Map<string, string>();

  check(id: string, where: string, r: FieldReader): boolean {
    const first = this.seen.get(id);
    if (first !== undefined) {
      r.fail('id', `${JSON.stringify(id)} is also the id of ${first}; expected unique ids`);
      return false;
    }
    this.seen.set(id, where);
    return true;
  }
}
