// Candidates as sites.geojson: a FeatureCollection of Point features whose properties are
// the sites.csv fields. lon/lat live only in the geometry, so a point moved in QGIS is
// not contradicted by a stale copy in its properties.
import type { Feature, FeatureCollection, Point } from 'geojson';
import { SITE_FIELDS } from '../data/sites.ts';
import type { Cell } from '../engine/types.ts';

const PROPERTY_FIELDS = SITE_FIELDS.filter((f) => f !== 'lon' && f !== 'lat');

/** sites.geojson text for canonical cells; `name` (a foreign member QGIS reads as the layer name) says what it is. */
export function writeCandidatesGeoJson(cells: readonly Cell[], layerName: string): string {
  const features: Feature<Point>[] = cells.map((cell) => ({
    type: 'Feature',
    properties: Object.fromEntries(PROPERTY_FIELDS.map((f) => [f, cell[f]])),
    geometry: { type: 'Point', coordinates: [cell.lon, cell.lat] },
  }));
  const collection: FeatureCollection<Point> & { name: string } = { type: 'FeatureCollection', name: layerName, features };
  return `${JSON.stringify(collection, null, 2)}\n`;
}

