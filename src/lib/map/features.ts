// GeoJSON for the map's package layers when no PMTiles archive exists for the package
// (any `?data=` package). Built by the same packageLayers() that feeds build-data, so a
// map layer reads the same properties from a tile or from GeoJSON. Pure: the engine
// worker builds it next to the figures.
import type { FeatureCollection } from 'geojson';
import { bbox, featureCollection } from '@turf/turf';
import type { DataPackage } from '../engine/types.ts';
import { packageLayers } from '../tiles/package-layers.ts';
import type { TileLayerId } from '../tiles/layers.ts';

export type Bbox = [number, number, number, number];

export interface PackageFeatures {
  /** One collection per tile source-layer name (hamlets, hamlet_labels, commune, sites, ...). */
  layers: Record<TileLayerId, FeatureCollection>;
  /** Per hamlet id: [west, south, east, north] in degrees, for "zoom to hamlet". */
  hamletBounds: Record<string, Bbox>;
  /** Extent of hamlets, cells and access points in degrees, for the first view. */
  bounds: Bbox;
}

/** Builds the package's static map layers as GeoJSON (lon/lat) with their extents. */
export function packageFeatures(pkg: DataPackage): PackageFeatures {
  const layers = packageLayers(pkg);
  const hamletBounds: Record<string, Bbox> = {};
  for (const h of pkg.hamlets) {
    hamletBounds[h.id] = bbox({ type: 'Feature', geometry: h.geometry, properties: {} }) as Bbox;
  }
  const extent = featureCollection([...layers.hamlets.features, ...layers.sites.features, ...layers.access_points.features]);
  const bounds = extent.features.length > 0 ? (bbox(extent) as Bbox) : null;
  // A package with no geometry at all still needs somewhere to look: the whole world.
  return { layers, hamletBounds, bounds: bounds ?? [-180, -85, 180, 85] };
}
