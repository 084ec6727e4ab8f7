// A light outline of one layer in WGS84, for drawing it over the current commune so the
// user can see a wrong coordinate-system guess (the shapes land far away or skewed).
import type { Position } from 'geojson';
import type { Layer } from './read.ts';
import { resolveCrs, type LayerPlan } from './plan.ts';

export interface Preview {
  /** Rings and lines as [lon, lat] lists; a point is a one-position list. */
  shapes: [number, number][][];
  /** The CRS name used, or null when it is unknown (nothing to draw). */
  crs: string | null;
}

/** At most this many positions are sent to the page; larger layers are thinned evenly. */
const MAX_POSITIONS = 20_000;

export function previewLayer(layer: Layer, plan: LayerPlan): Preview {
  const crs = resolveCrs(layer, plan.crs);
  if (!crs) return { shapes: [], crs: null };
  const lines: Position[][] = [];
  const collect = (c: unknown): void => {
    if (!Array.isArray(c)) return;
    if (typeof c[0] === 'number') lines.push([c as Position]);
    else if (Array.isArray(c[0]) && typeof c[0][0] === 'number') lines.push(c as Position[]);
    else c.forEach(collect);
  };
  if (layer.kind === 'rows') {
    const lon = plan.columns.lon ?? 'lon';
    const lat = plan.columns.lat ?? 'lat';
    for (const row of layer.rows) collect([Number(row[lon]), Number(row[lat])]);
  } else {
    for (const f of layer.features) if (f.geometry && 'coordinates' in f.geometry) collect(f.geometry.coordinates);
  }
  const total = lines.reduce((n, l) => n + l.length, 0);
  const step = Math.max(1, Math.ceil(total / MAX_POSITIONS));
  const shapes = lines.map((line) =>
    line
      .filter((_, i) => i % step === 0 || i === line.length - 1)
      .map((p) => crs.toWgs84(p[0] ?? NaN, p[1] ?? NaN))
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y)),
  );
  return { shapes: shapes.filter((s) => s.length > 0), crs: crs.name };
}
