// GeoTIFF → raster (geotiff package). Only north-up rasters (no rotation or shear, rows
// running north to south) are read; pixel-is-point georeferencing is shifted half a
// pixel so the result is always pixel-is-area. The CRS comes from the GeoKeys: EPSG
// codes that crs.ts knows, or none at all when the extent is plainly lon/lat (then
// EPSG:4326 is assumed, with a warning).
import { fromArrayBuffer } from 'geotiff';
import type { FileProblems } from './collector.ts';
import { parseCrs, WGS84 } from './crs.ts';
import type { Crs } from './crs.ts';

export interface GeoRaster {
  width: number;
  height: number;
  /** Row-major band 1, first row = northernmost. */
  values: Float32Array | Float64Array;
  noData: number | null;
  crs: Crs;
  /** Corner of the top-left pixel (west, north) in CRS units. */
  originX: number;
  originY: number;
  /** Pixel size in CRS units, both > 0. */
  pixelWidth: number;
  pixelHeight: number;
}

/** 5 000 × 5 000 cells: a whole district at 30 m, far beyond a commune; larger rasters would
 *  stall the page (every cell is read into memory). */
export const MAX_RASTER_CELLS = 25_000_000;

const REPROJECT_HINT = 'reproject it, e.g. gdalwarp -t_srs EPSG:4326 in.tif out.tif';

export async function readGeoTiff(bytes: Uint8Array, fp: FileProblems, maxCells = MAX_RASTER_CELLS): Promise<GeoRaster | null> {
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const tiff = await fromArrayBuffer(buffer);
    const image = await tiff.getImage(0);
    const fd = image.getFileDirectory();
    const width = image.getWidth();
    const height = image.getHeight();
    if (width * height > maxCells) {
      fp.error(null, null, `is ${width} × ${height} cells; expected at most ${maxCells.toLocaleString('en-US')} cells, a raster cut to the area: gdal_translate -projwin west north east south in.tif out.tif`);
      return null;
    }
    const transform = numbers(await fd.loadValue('ModelTransformation'));
    const tiepoint = numbers(await fd.loadValue('ModelTiepoint'));
    const scale = numbers(await fd.loadValue('ModelPixelScale'));
    let originX: number, originY: number, pixelWidth: number, pixelHeight: number;
    if (transform && transform.length >= 8) {
      const [a, b, , d, e, f, , h] = transform as [number, number, number, number, number, number, number, number];
      if (b !== 0 || e !== 0) {
        fp.error(null, null, `is rotated or sheared (ModelTransformation ${JSON.stringify(transform.slice(0, 8))}); expected a north-up raster: ${REPROJECT_HINT}`);
        return null;
      }
      originX = d;
      originY = h;
      pixelWidth = a;
      pixelHeight = -f;
    } else if (tiepoint && tiepoint.length >= 6 && scale && scale.length >= 2) {
      const [i, j, , x, y] = tiepoint as [number, number, number, number, number];
      pixelWidth = scale[0]!;
      pixelHeight = scale[1]!;
      originX = x - i * pixelWidth;
      originY = y + j * pixelHeight;
    } else {
      fp.error(null, null, 'has no georeferencing (ModelTiepoint + ModelPixelScale or ModelTransformation); expected a GeoTIFF');
      return null;
    }
    if (!(pixelWidth > 0) || !(pixelHeight > 0)) {
      fp.error(null, null, `has pixel size ${pixelWidth} × ${-pixelHeight} (south-up or mirrored); expected a north-up raster: ${REPROJECT_HINT}`);
      return null;
    }
    const keys = image.getGeoKeys() ?? {};
    if (keys.GTRasterTypeGeoKey === 2) {
      // PixelIsPoint: the tie point is the top-left pixel's centre.
      originX -= pixelWidth / 2;
      originY += pixelHeight / 2;
    }
    const crs = rasterCrs(keys, [originX, originY - height * pixelHeight, originX + width * pixelWidth, originY], fp);
    if (!crs) return null;
    const samples = image.getSamplesPerPixel();
    if (samples > 1) fp.warn(null, null, `has ${samples} bands; band 1 is used`);
    const bands = (await image.readRasters({ samples: [0], interleave: false })) as unknown as ArrayLike<number>[];
    const band = bands[0]!;
    const values = band instanceof Float64Array ? band : Float32Array.from(band);
    const noDataText = (await fd.loadValue('GDAL_NODATA')) as string | undefined;
    const parsed = noDataText === undefined ? NaN : Number.parseFloat(noDataText.replace(/\0/g, ''));
    // GDAL writes NoData as decimal text (e.g. -3.4e+38, -9999.9) that a float32 cell
    // cannot hold exactly; compared as written, no cell would equal it. Round it as the
    // cells were rounded, like GDAL does.
    const noData = Number.isNaN(parsed) ? null : values instanceof Float32Array ? Math.fround(parsed) : parsed;
    return { width, height, values, noData, crs, originX, originY, pixelWidth, pixelHeight };
  } catch (err) {
    fp.error(null, null, `could not be read as a GeoTIFF (${err instanceof Error ? err.message : String(err)}); expected a single-band GeoTIFF`);
    return null;
  }
}

/** A TIFF tag's numbers as a plain array (geotiff returns typed arrays for some tags). */
function numbers(value: unknown): number[] | undefined {
  if (value === undefined || value === null) return undefined;
  return Array.from(value as ArrayLike<number>);
}

function rasterCrs(keys: Record<string, unknown>, extent: [number, number, number, number], fp: FileProblems): Crs | null {
  const model = keys.GTModelTypeGeoKey;
  const code = model === 1 ? keys.ProjectedCSTypeGeoKey : model === 2 ? keys.GeographicTypeGeoKey : (keys.ProjectedCSTypeGeoKey ?? keys.GeographicTypeGeoKey);
  if (typeof code === 'number' && code !== 32767) {
    const crs = parseCrs(`EPSG:${code}`);
    if (!crs) fp.error(null, null, `is in EPSG:${code}, a coordinate system this loader does not know; expected EPSG:4326: ${REPROJECT_HINT}`);
    return crs;
  }
  const [w, s, e, n] = extent;
  if (code === undefined && w >= -180 && e <= 180 && s >= -90 && n <= 90) {
    fp.warn(null, null, 'declares no coordinate system; assumed EPSG:4326 lon/lat from its extent');
    return WGS84;
  }
  fp.error(null, null, `declares ${code === 32767 ? 'a user-defined' : 'no'} coordinate system; expected an EPSG code in its GeoKeys: ${REPROJECT_HINT}`);
  return null;
}
