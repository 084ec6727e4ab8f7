// Which hamlet a point lies in: the first containing hamlet in file order, boundary
// included (spec: data-package.md, Population inside coverage), through an R-tree of the
// hamlets' boxes so a province's thousands of hamlets stay cheap to search.
import Flatbush from 'flatbush';
import { flattenPolygon, containsPoint, type FlatPolygon } from '../point-in-polygon.ts';
import { BBOX_PAD_DEG } from '../population.ts';
import type { Hamlet, LonLat } from '../types.ts';

export interface HamletLookup {
  /** Index (file order) of the first hamlet containing the point; −1 when none does. */
  hamletAt(point: LonLat): number;
}

/** Builds a point → hamlet lookup over `hamlets`. */
export function hamletLookup(hamlets: readonly Hamlet[]): HamletLookup {
  if (hamlets.length === 0) return { hamletAt: () => -1 };
  const polygons: FlatPolygon[] = hamlets.map((h) => flattenPolygon(h.geometry));
  const tree = new Flatbush(polygons.length);
  for (const { bbox } of polygons) tree.add(bbox[0] - BBOX_PAD_DEG, bbox[1] - BBOX_PAD_DEG, bbox[2] + BBOX_PAD_DEG, bbox[3] + BBOX_PAD_DEG);
  tree.finish();
  return {
    hamletAt([lon, lat]) {
      let first = -1;
      for (const i of tree.search(lon, lat, lon, lat)) {
        if ((first === -1 || i < first) && containsPoint(polygons[i] as FlatPolygon, lon, lat)) first = i;
      }
      return first;
    },
  };
}
