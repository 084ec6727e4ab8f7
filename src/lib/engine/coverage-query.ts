// Coverage at arbitrary places (a clicked point, a school, a speed test): which
// technologies reach each point, with the same on-air rules and edge rule as the report.
import Flatbush from 'flatbush';
import { LAYER_4G, LAYER_5G, LAYER_FIBER, LAYER_FIBER_1G, networkItems, type CoverItem } from './items.ts';
import { itemCoversPoint } from './point-cover.ts';
import { BBOX_PAD_DEG } from './population.ts';
import type { ComputeOptions } from './report.ts';
import type { DataPackage, LonLat } from './types.ts';

export interface PointCoverage {
  '4g': boolean;
  '5g': boolean;
  mobile_bb: boolean;
  fiber: boolean;
  fiber_1g: boolean;
}

/** Which technologies cover each point (edge counts as covered), for the network of `opts`. */
export function coverageAtPoints(pkg: DataPackage, opts: ComputeOptions, points: LonLat[]): PointCoverage[] {
  const items = networkItems(pkg, opts.year, opts.extraCells);
  const index = items.length > 0 ? new Flatbush(items.length) : null;
  if (index) {
    for (const { bbox } of items) index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
    index.finish();
  }
  return points.map(([lon, lat]) => {
    let layers = 0;
    // Padded like the report's point search: a point a hair outside a polygon's box can
    // still lie on its edge, and the edge is covered.
    for (const i of index ? index.search(lon - BBOX_PAD_DEG, lat - BBOX_PAD_DEG, lon + BBOX_PAD_DEG, lat + BBOX_PAD_DEG) : []) {
      const item = items[i] as CoverItem;
      // Skip items that could add nothing new to this point.
      if ((layers & item.layers) !== item.layers && itemCoversPoint(item, lon, lat)) layers |= item.layers;
    }
    return {
      '4g': (layers & LAYER_4G) !== 0,
      '5g': (layers & LAYER_5G) !== 0,
      mobile_bb: (layers & (LAYER_4G | LAYER_5G)) !== 0,
      fiber: (layers & LAYER_FIBER) !== 0,
      fiber_1g: (layers & LAYER_FIBER_1G) !== 0,
    };
  });
}
