// Coverage as polygons for drawing: the union of on-air coverage per technology layer
// and carrier, united in the equal-area plane and returned in lon/lat. For drawing only:
// the figures count people against the exact shapes (coverage-state.ts), so the map may
// ask for fewer layers and for outlines simplified below what a screen shows.
import { Clipper, type Paths64 } from 'clipper2-ts';
import Flatbush from 'flatbush';
import type { Feature, FeatureCollection, MultiPolygon, Position } from 'geojson';
import { simplifyClipPaths, unionToMultiPolygon } from './clip.ts';
import { contextFor } from './context.ts';
import { LAYER_4G, LAYER_5G, LAYER_FIBER, LAYER_FIBER_1G, networkItems } from './items.ts';
import type { ComputeOptions } from './report.ts';
import type { DataPackage } from './types.ts';

/** Drawing layers and the item layers each unites. */
const GEOMETRY_LAYERS: readonly [CoverageLayer, number][] = [
  ['4G', LAYER_4G],
  ['5G', LAYER_5G],
  ['mobile_bb', LAYER_4G | LAYER_5G],
  ['fiber', LAYER_FIBER],
  ['fiber_1g', LAYER_FIBER_1G],
];

export type CoverageLayer = '4G' | '5G' | 'mobile_bb' | 'fiber' | 'fiber_1g';

export interface DrawOptions {
  /** The layers wanted (default: all five). */
  layers?: readonly CoverageLayer[];
  /** Each shape's outline is simplified first, by at most this many metres (default 0: exact). */
  toleranceM?: number;
}

/** Union of on-air coverage per technology layer and carrier, lon/lat, for drawing: one feature per (layer, carrier) plus carrier "all". layer ∈ '4G' | '5G' | 'mobile_bb' | 'fiber' | 'fiber_1g'. Features with empty coverage are omitted. */
export function coverageGeometry(
  pkg: DataPackage,
  opts: ComputeOptions,
  draw: DrawOptions = {},
): FeatureCollection<MultiPolygon, { layer: string; carrier: string }> {
  const projection = contextFor(pkg).projection;
  const items = networkItems(pkg, opts.year, opts.extraCells);
  const carriers = [...new Set(items.map((item) => item.carrier)), 'all'];
  const wanted = draw.layers ?? GEOMETRY_LAYERS.map(([layer]) => layer);
  const toleranceM = draw.toleranceM ?? 0;
  // Simplified once per item, not once per (layer, carrier) that unites it.
  const pathsOf = new Map(items.map((item) => [item, toleranceM > 0 ? simplifyClipPaths(item.paths(projection), toleranceM) : item.paths(projection)]));
  const features: Feature<MultiPolygon, { layer: string; carrier: string }>[] = [];
  for (const [layer, mask] of GEOMETRY_LAYERS) {
    if (!wanted.includes(layer)) continue;
    for (const carrier of carriers) {
      const shapes = items
        .filter((item) => item.layers & mask && (carrier === 'all' || item.carrier === carrier))
        .map((item) => pathsOf.get(item) ?? [])
        .filter((paths) => paths.length > 0);
      const coordinates: Position[][][] = [];
      for (const group of overlappingGroups(shapes)) coordinates.push(...unionToMultiPolygon(group.flat(), projection).coordinates);
      if (coordinates.length > 0) features.push({ type: 'Feature', geometry: { type: 'MultiPolygon', coordinates }, properties: { layer, carrier } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Shapes (each an item's paths) in groups whose boxes chain into each other. Shapes of two
 * groups cannot overlap, so each group is united on its own: Clipper's sweep slows with
 * the number of edges a scan line crosses, and across a province that is thousands (a
 * province's fiber: 5 s for one union, a fraction of that group by group).
 */
function overlappingGroups(shapes: readonly Paths64[]): Paths64[][] {
  if (shapes.length <= 1) return shapes.length === 0 ? [] : [[...shapes]];
  const boxes = shapes.map((paths) => Clipper.getBoundsPaths(paths));
  const index = new Flatbush(shapes.length);
  for (const b of boxes) index.add(b.left, b.top, b.right, b.bottom);
  index.finish();
  const parent = shapes.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  boxes.forEach((b, i) => {
    for (const j of index.search(b.left, b.top, b.right, b.bottom)) parent[root(i)] = root(j);
  });
  const groups = new Map<number, Paths64[]>();
  shapes.forEach((paths, i) => {
    const r = root(i);
    const group = groups.get(r);
    if (group) group.push(paths);
    else groups.set(r, [paths]);
  });
  return [...groups.values()];
}
