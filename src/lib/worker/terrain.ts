// The terrain images the page draws, computed in the engine worker from the package's DEM
// and the same cached predictions the figures use.
import { cellShape } from '../engine/cell-shape.ts';
import { packageTerrain } from '../engine/items.ts';
import type { TerrainCoverage } from '../engine/propagation/terrain/index.ts';
import type { DataPackage } from '../engine/types.ts';
import { hillshadeImage, signalImage, type TerrainImage } from '../map/terrain-render.ts';

/** Hillshade of the package's DEM; null without dem.tif. */
export function terrainHillshade(pkg: DataPackage): TerrainImage | null {
  const terrain = packageTerrain(pkg);
  return terrain ? hillshadeImage(terrain) : null;
}

/** Predicted level of the site's predicted cells (those without range_m); null without a DEM or such cells. */
export function siteSignalImage(pkg: DataPackage, siteId: string): TerrainImage | null {
  const terrain = packageTerrain(pkg);
  if (!terrain) return null;
  const coverages = pkg.cells
    .filter((c) => c.site_id === siteId && c.range_m === null)
    .map((c) => cellShape(c, terrain).terrain)
    .filter((t): t is TerrainCoverage => t !== null);
  return signalImage(coverages);
}
