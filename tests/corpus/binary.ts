// The optional binary files the sample does not ship: population.tif, dem.tif and
// basemap.pmtiles, each damaged or implausible. GeoTIFFs are written with the geotiff
// package's own writer, over the sample's area.
import { writeArrayBuffer } from 'geotiff';
import type { GeotiffWriterMetadata } from 'geotiff';
import type { Corpus } from './corpus.ts';

const LONLAT = { GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326 };

const SAMPLE_AREA: GeotiffWriterMetadata = { ModelPixelScale: [0.01, 0.01, 0], ModelTiepoint: [0, 0, 0, 105.9, 21.63, 0], ...LONLAT };

/** A 4-column float32 GeoTIFF; by default 0.01° cells from (105.90, 21.63), amid the sample's hamlets. */
function tiff(values: number[], georef: GeotiffWriterMetadata = SAMPLE_AREA): Uint8Array {
  const metadata: GeotiffWriterMetadata = { width: 4, height: values.length / 4, BitsPerSample: [32], SampleFormat: [3], ...georef };
  return new Uint8Array(writeArrayBuffer(new Float32Array(values), metadata));
}

function pmtilesHeader(version: number, tileType: number, length = 127): Uint8Array {
  const head = new Uint8Array(length);
  head.set(new TextEncoder().encode('PMTiles'), 0);
  head[7] = version;
  if (length > 99) head[99] = tileType;
  return head;
}

export function addBinaryDefects(c: Corpus): void {
  const counts = () => Array.from({ length: 12 }, () => 1 + c.int(40));
  const elevations = () => Array.from({ length: 12 }, () => 20 + c.int(300));
  // population.tif is read only when there is no population.geojson.
  const pop = (description: string, bytes: Uint8Array | string) =>
    c.add('raster', `population.tif: ${description}`, { 'population.geojson': null, 'population.tif': bytes }, { file: 'population.tif', where: null, field: null });
  const dem = (description: string, bytes: Uint8Array | string) => c.add('raster', `dem.tif: ${description}`, { 'dem.tif': bytes }, { file: 'dem.tif', where: null, field: null });

  const good = tiff(counts());
  pop('cut after its header', good.slice(0, 8 + c.int(60)));
  pop('a text file', 'lon,lat,pop\n105.9,21.6,4\n');
  pop('empty', '');
  const negative = counts();
  negative[c.int(12)] = -5;
  pop('a negative count', tiff(negative));
  const huge = counts();
  huge[c.int(12)] = 2_000_000 + c.int(1e6);
  pop('a count of millions in one cell', tiff(huge));
  pop('south-up (negative pixel height)', tiff(counts(), { ...SAMPLE_AREA, ModelPixelScale: [0.01, -0.01, 0] }));

  const impossible = elevations();
  impossible[c.int(12)] = c.pick([32_767, -32_768, 12_000]);
  dem('an impossible elevation', tiff(impossible));
  dem('rotated', tiff(elevations(), { ...LONLAT, ModelTransformation: [0.01, 0.001, 0, 105.9, 0, -0.01, 0, 21.63, 0, 0, 0, 0, 0, 0, 0, 1] }));
  // UTM and VN-2000 DEMs are read (resampled onto lon/lat); a system nobody can place is not.
  dem('in an unknown projected CRS', tiff(elevations(), { GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2000, ModelTiepoint: [0, 0, 0, 593_000, 2_390_000, 0], ModelPixelScale: [30, 30, 0] }));
  dem('random bytes', Uint8Array.from({ length: 300 }, () => c.int(256)));

  const basemap = (description: string, bytes: Uint8Array | string) =>
    c.add('basemap', `basemap.pmtiles: ${description}`, { 'basemap.pmtiles': bytes }, { file: 'basemap.pmtiles', where: null, field: null });
  basemap('an MBTiles (SQLite) file', 'SQLite format 3\0');
  basemap('PMTiles version 2', pmtilesHeader(2, 1));
  basemap('raster tiles', pmtilesHeader(3, 2 + c.int(4)));
  basemap('cut inside its header', pmtilesHeader(3, 1, 20 + c.int(100)));
}
