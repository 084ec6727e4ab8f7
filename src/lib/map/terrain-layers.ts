// MapLibre glue for the terrain images (terrain-render.ts): each one becomes an `image`
// source (a PNG data URL drawn through a canvas) with a raster layer, inserted under the
// hamlet lines so they, the sites and the labels stay on top (the hillshade over the
// choropleth, which would otherwise hide it inside the commune).
import type { ImageSource, Map as MaplibreMap } from 'maplibre-gl';
import type { TerrainImage } from './terrain-render.ts';

/** The terrain layers and the app layer each is drawn beneath. */
export const TERRAIN_LAYERS = {
  hillshade: { id: 'terrain-hillshade', beneath: 'hamlet-fill' },
  signal: { id: 'terrain-signal', beneath: 'hamlet-line' },
} as const;
export type TerrainLayer = keyof typeof TERRAIN_LAYERS;

/** A PNG data URL of an RGBA image (the image source takes URLs only). */
function pngUrl(image: TerrainImage, doc: Document): string {
  const canvas = doc.createElement('canvas');
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('terrain image: no 2D canvas context');
  context.putImageData(new ImageData(new Uint8ClampedArray(image.rgba), image.width, image.height), 0, 0);
  return canvas.toDataURL('image/png');
}

/** Shows `image` as terrain layer `layer` (replacing what it showed), or removes the layer when null. */
export function setTerrainImage(map: MaplibreMap, layer: TerrainLayer, image: TerrainImage | null, doc: Document = document): void {
  const { id, beneath } = TERRAIN_LAYERS[layer];
  if (!image) {
    if (map.getLayer(id)) map.removeLayer(id);
    if (map.getSource(id)) map.removeSource(id);
    return;
  }
  const url = pngUrl(image, doc);
  const source = map.getSource(id) as ImageSource | undefined;
  if (source) {
    source.updateImage({ url, coordinates: image.coordinates });
    return;
  }
  map.addSource(id, { type: 'image', url, coordinates: image.coordinates });
  map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-fade-duration': 0, 'raster-resampling': 'nearest' } }, map.getLayer(beneath) ? beneath : undefined);
}
