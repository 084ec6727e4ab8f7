// Where the package lies, for the map's first view and "zoom to hamlet": cheap extents the
// engine worker sends with every package. The GeoJSON of the package's map layers is
// built apart (tiles/package-layers.ts, on demand), only for a map with no PMTiles archive
// of the package. Pure.
import type { Position } from 'geojson';
import type { DataPackage } from '../engine/types.ts';

export type Bbox = [number, number, number, number];

export interface PackageExtents {
  /** Per hamlet id: [west, south, east, north] in degrees, for "zoom to hamlet". */
  hamletBounds: Record<string, Bbox>;
  /** Extent of hamlets, cells and access points in degrees, for the first view. */
  bounds: Bbox;
}

/** An empty box that any point widens. */
const emptyBox = (): Bbox => [Infinity, Infinity, -Infinity, -Infinity];

function widen(box: Bbox, lon: number, lat: number): void {
  box[0] = Math.min(box[0], lon);
  box[1] = Math.min(box[1], lat);
  box[2] = Math.max(box[2], lon);
  box[3] = Math.max(box[3], lat);
}

/** The package's extents: each hamlet's box and the box of everything on the map. */
export function packageExtents(pkg: DataPackage): PackageExtents {
  const hamletBounds: Record<string, Bbox> = {};
  const all = emptyBox();
  for (const h of pkg.hamlets) {
    const box = emptyBox();
    const polygons: Position[][][] = h.geometry.type === 'Polygon' ? [h.geometry.coordinates] : h.geometry.coordinates;
    for (const rings of polygons) for (const ring of rings) for (const [lon = 0, lat = 0] of ring) widen(box, lon, lat);
    hamletBounds[h.id] = box;
    widen(all, box[0], box[1]);
    widen(all, box[2], box[3]);
  }
  for (const { lon, lat } of [...pkg.cells, ...pkg.accessPoints]) widen(all, lon, lat);
  // A package with no geometry at all still needs somewhere to look: the whole world.
  return { hamletBounds, bounds: Number.isFinite(all[0]) ? all : [-180, -85, 180, 85] };
}
