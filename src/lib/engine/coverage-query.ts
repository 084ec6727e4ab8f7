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

/**
 * Which technologies cover each point (edge counts as covered), for the network of `opts`.
 * `layers` (LAYER_* bits, default all) limits the items looked at: the others' technologies
 * come out false, and a question about mobile coverage alone skips every fiber box.
 */
export function coverageAtPoints(pkg: DataPackage, opts: ComputeOptions, points: LonLat[], layers = LAYER_4G | LAYER_5G | LAYER_FIBER | LAYER_FIBER_1G): PointCoverage[] {
  const items = networkItems(pkg, opts.year, opts.extraCells).filter((item) => (item.layers & layers) !== 0);
  const index = items.length > 0 ? new Flatbush(items.length) : null;
  if (index) {
    for (const { bbox } of items) index.add(bbox[0], bbox[1], bbox[2], bbox[3]);
    index.finish();
  }
  return points.map(([lon, lat]) => {
    let covered = 0;
    // Padded like the report's point search: a point a hair outside a polygon's box can
    // still lie on its edge, and the edge is covered.
    for (const i of index ? index.search(lon - BBOX_PAD_DEG, lat - BBOX_PAD_DEG, lon + BBOX_PAD_DEG, lat + BBOX_PAD_DEG) : []) {
      const item = items[i] as CoverItem;
      // Skip items that could add nothing new to this point.
      if ((covered & item.layers) !== item.layers && itemCoversPoint(item, lon, lat)) covered |= item.layers;
    }
    covered &= layers;
    return {
      '4g': (covered & LAYER_4G) !== 0,
      '5g': (covered & LAYER_5G) !== 0,
      mobile_bb: (covered & (LAYER_4G | LAYER_5G)) !== 0,
      fiber: (covered & LAYER_FIBER) !== 0,
      fiber_1g: (covered & LAYER_FIBER_1G) !== 0,
    };
  });
}
