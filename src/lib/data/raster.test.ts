// GeoTIFF inputs (dem.tif, population.tif). Fixtures are made in the test with the
// geotiff package's own writer, `writeArrayBuffer(values, metadata)`, which writes an
// uncompressed big-endian TIFF with the GeoTIFF tags given (ModelPixelScale,
// ModelTiepoint or ModelTransformation, GeoKeys, GDAL_NODATA). See `tiff()` below.
import { writeArrayBuffer } from 'geotiff';
import type { GeotiffWriterMetadata } from 'geotiff';
import { describe, expect, it } from 'vitest';
import { ProblemList } from './collector.ts';
import { parseCrs } from './crs.ts';
import { formatProblem } from './problems.ts';
import { readGeoTiff } from './raster.ts';
import { load, withFiles } from './testkit.ts';
import { pointList } from '../engine/population.ts';

/** A single-band float32 GeoTIFF, `width` wide, north-up from (west, north). */
function tiff(values: number[], width: number, extra: GeotiffWriterMetadata): Uint8Array {
  const metadata: GeotiffWriterMetadata = {
    width,
    height: values.length / width,
    BitsPerSample: [32],
    SampleFormat: [3], // IEEE float
    ...extra,
  };
  return new Uint8Array(writeArrayBuffer(new Float32Array(values), metadata));
}

const LONLAT = { GTModelTypeGeoKey: 2, GTRasterTypeGeoKey: 1, GeographicTypeGeoKey: 4326 };

/**
 * 3 × 2 cells of 0.01° × 0.01° from (105.80, 21.62) to (105.83, 21.60): the southern
 * row lies over the three test hamlets (21.60–21.61), the northern row outside them.
 */
function lonLatTiff(values: number[], extra: GeotiffWriterMetadata = {}): Uint8Array {
  return tiff(values, 3, { ModelPixelScale: [0.01, 0.01, 0], ModelTiepoint: [0, 0, 0, 105.8, 21.62, 0], ...LONLAT, ...extra });
}

/** 3 × 2 cells of 0.01° × 0.005° from (105.80, 21.61): all inside the test hamlets. */
function hamletTiff(values: number[], extra: GeotiffWriterMetadata = {}): Uint8Array {
  return tiff(values, 3, { ModelPixelScale: [0.01, 0.005, 0], ModelTiepoint: [0, 0, 0, 105.8, 21.61, 0], ...LONLAT, ...extra });
}

describe('dem.tif', () => {
  it('reads a north-up lon/lat GeoTIFF with its NoData value', async () => {
    const { pkg, problems } = await load(withFiles({ 'dem.tif': lonLatTiff([10, 20, 30, 40, -9999, 60], { GDAL_NODATA: '-9999' }) }));
    expect(problems.map(formatProblem)).toEqual([
      'dem.tif: has 1 of 6 cells without elevation (NoData); terrain prediction fills them from the neighbouring cells',
    ]);
    expect(pkg!.dem!.width).toBe(3);
    expect(pkg!.dem!.height).toBe(2);
    expect(pkg!.dem!.noData).toBe(-9999);
    expect(Array.from(pkg!.dem!.values)).toEqual([10, 20, 30, 40, -9999, 60]);
    const [w, s, e, n] = pkg!.dem!.bbox;
    expect(w).toBeCloseTo(105.8, 9);
    expect(s).toBeCloseTo(21.6, 9);
    expect(e).toBeCloseTo(105.83, 9);
    expect(n).toBeCloseTo(21.62, 9);
  });

  // Regression: NoData -9999.9 was compared with the float32 cells as a float64, so the
  // NoData cells were read as real elevations of -9999.9 m.
  it('matches a NoData value that float32 cannot hold exactly (nodata-not-float32)', async () => {
    const { pkg, problems } = await load(withFiles({ 'dem.tif': lonLatTiff([10, 20, 30, 40, -9999.9, 60], { GDAL_NODATA: '-9999.9' }) }));
    expect(problems.map(formatProblem)).toEqual([expect.stringMatching(/^dem\.tif: has 1 of 6 cells without elevation/)]);
    expect(pkg!.dem!.noData).toBe(pkg!.dem!.values[4]);
  });

  it('shifts pixel-is-point georeferencing by half a pixel', async () => {
    const dem = lonLatTiff([1, 2, 3, 4, 5, 6], { GTRasterTypeGeoKey: 2, ModelTiepoint: [0, 0, 0, 105.805, 21.615, 0] });
    const { pkg } = await load(withFiles({ 'dem.tif': dem }));
    expect(pkg!.dem!.bbox[0]).toBeCloseTo(105.8, 9);
    expect(pkg!.dem!.bbox[3]).toBeCloseTo(21.62, 9);
  });

  it('rejects a rotated raster', async () => {
    const dem = tiff([1, 2, 3, 4], 2, { ModelTransformation: [0.01, 0.001, 0, 105.8, 0.001, -0.01, 0, 21.62, 0, 0, 0, 0, 0, 0, 0, 1], ...LONLAT });
    const { problems } = await load(withFiles({ 'dem.tif': dem }));
    expect(problems.map(formatProblem)).toEqual([
      'dem.tif: is rotated or sheared (ModelTransformation [0.01,0.001,0,105.8,0.001,-0.01,0,21.62]); expected a north-up raster: reproject it, e.g. gdalwarp -t_srs EPSG:4326 in.tif out.tif',
    ]);
  });

  it('resamples a DEM in VN-2000 / UTM 48N onto lon/lat, keeping elevations and NoData', async () => {
    // 4 × 3 pixels of 300 m over the test hamlets (≈ 105.80–105.83 E, 21.60–21.61 N), elevation = 10·column + row.
    const crs = parseCrs('EPSG:3405')!;
    const [x0, y0] = crs.fromWgs84(105.795, 21.615);
    const values = [0, 10, 20, 30, 1, 11, 21, 31, 2, 12, -9999, 32];
    const dem = tiff(values, 4, { ModelPixelScale: [1000, 1000, 0], ModelTiepoint: [0, 0, 0, x0, y0, 0], GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3405, GDAL_NODATA: '-9999' });
    const { pkg, problems } = await load(withFiles({ 'dem.tif': dem }));
    expect(problems.map(formatProblem).filter((p) => !p.includes('does not cover'))).toEqual([expect.stringMatching(/^dem\.tif: has \d+ of \d+ cells without elevation/)]);
    const raster = pkg!.dem!;
    const [w, , , n] = raster.bbox;
    expect(w).toBeCloseTo(105.795, 2);
    expect(n).toBeCloseTo(21.615, 2);
    // Each source pixel's centre, converted to lon/lat, reads back its own elevation (bilinear at a pixel centre).
    const at = (lon: number, lat: number) => {
      const c = Math.floor(((lon - raster.bbox[0]) / (raster.bbox[2] - raster.bbox[0])) * raster.width);
      const r = Math.floor(((raster.bbox[3] - lat) / (raster.bbox[3] - raster.bbox[1])) * raster.height);
      return raster.values[r * raster.width + c];
    };
    for (const [col, row] of [[0, 0], [1, 1], [3, 2], [2, 0]] as const) {
      const [lon, lat] = crs.toWgs84(x0 + (col + 0.5) * 1000, y0 - (row + 0.5) * 1000);
      expect(at(lon, lat), `pixel ${col},${row}`).toBeCloseTo(10 * col + row, 0);
    }
  });

  it('rejects a DEM whose every cell is NoData', async () => {
    const { pkg, problems } = await load(withFiles({ 'dem.tif': lonLatTiff([-9999, -9999, -9999, -9999, -9999, -9999], { GDAL_NODATA: '-9999' }) }));
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toContain('dem.tif: has no elevation: all 6 cells are NoData; expected ground elevations in metres');
  });

  it('rejects an unknown projection', async () => {
    const dem = tiff([1, 2, 3, 4], 2, { ModelPixelScale: [30, 30, 0], ModelTiepoint: [0, 0, 0, 582000, 2389000, 0], GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 2154 });
    const { problems } = await load(withFiles({ 'dem.tif': dem }));
    expect(problems.map(formatProblem)).toEqual([
      'dem.tif: is in EPSG:2154, a coordinate system this loader does not know; expected EPSG:4326: reproject it, e.g. gdalwarp -t_srs EPSG:4326 in.tif out.tif',
    ]);
  });

  it('rejects a file that is not a TIFF', async () => {
    const { problems } = await load(withFiles({ 'dem.tif': 'not a tiff at all' }));
    expect(problems).toHaveLength(1);
    expect(formatProblem(problems[0]!)).toMatch(/^dem\.tif: could not be read as a GeoTIFF \(.+\); expected a single-band GeoTIFF$/);
  });

  it('assumes lon/lat, with a warning, when the GeoKeys are missing but the extent is lon/lat', async () => {
    // An empty GeoKeyDirectory (version 1.1.0, no keys): the writer otherwise adds EPSG:4326.
    const dem = tiff([1, 2, 3, 4], 2, { ModelPixelScale: [0.01, 0.01, 0], ModelTiepoint: [0, 0, 0, 105.8, 21.62, 0], GeoKeyDirectory: [1, 1, 0, 0] });
    const { pkg, problems } = await load(withFiles({ 'dem.tif': dem }));
    expect(problems.map(formatProblem)).toEqual([
      'dem.tif: declares no coordinate system; assumed EPSG:4326 lon/lat from its extent',
      'dem.tif: does not cover 3 hamlets entirely (01, 02, 03); beyond its edge the terrain prediction extends the edge elevations',
    ]);
    expect(pkg!.dem).not.toBeNull();
  });
});

describe('implausible rasters', () => {
  it('refuses elevations no land has, naming the first cell, and warns about unusual ones', async () => {
    const { pkg, problems } = await load(withFiles({ 'dem.tif': lonLatTiff([10, 20, 30, 40, 32767, 4000], { GDAL_NODATA: '-9999' }) }));
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toEqual([
      'dem.tif: 1 cell is not a plausible elevation (first at row 1, column 1: got 32 767 m; expected an elevation in −500..9000 m: the Dead Sea shore (−430 m) and Everest (8849 m) bound the land); give the missing cells the NoData value',
      "dem.tif: 1 cell is an unusual elevation (first at row 1, column 2: 4000 m is unusual; usually −100..3200 m: Vietnam's land lies between sea level and Fansipan (3143 m))",
    ]);
  });

  it('refuses population counts beyond any place on Earth', async () => {
    const { pkg, problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': hamletTiff([1, 2e6, 3, 4, 5, 6]) }));
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toContain(
      "population.tif: 1 cell has more than 1,000,000 people (first at row 0, column 1: 2000000); expected a raster cell count in 0..1 000 000: no Vietnamese commune or ward has a million people; a larger figure is a unit or column mistake",
    );
  });

  it('refuses a raster with more cells than the limit before reading its cells', async () => {
    const problems = new ProblemList();
    expect(await readGeoTiff(lonLatTiff([1, 2, 3, 4, 5, 6]), problems.forFile('dem.tif'), 4)).toBeNull();
    expect(problems.items.map(formatProblem)).toEqual([
      'dem.tif: is 3 × 2 cells; expected at most 4 cells, a raster cut to the area: gdal_translate -projwin west north east south in.tif out.tif',
    ]);
  });
});

describe('population.tif', () => {
  it('turns each cell with a positive count into a point at its centre, when there is no population.geojson', async () => {
    // Row 0 (north): 5, 0, NoData; row 1: 2.5, 7, 1.
    const pop = hamletTiff([5, 0, -99999, 2.5, 7, 1], { GDAL_NODATA: '-99999' });
    const { pkg, problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': pop }));
    expect(problems).toEqual([]);
    const rounded = pointList(pkg!.population!).map((p) => [Math.round(p.lon * 1e6) / 1e6, Math.round(p.lat * 1e6) / 1e6, p.pop]);
    expect(rounded).toEqual([
      [105.805, 21.6075, 5],
      [105.805, 21.6025, 2.5],
      [105.815, 21.6025, 7],
      [105.825, 21.6025, 1],
    ]);
  });

  it('converts cell centres from a projected CRS', async () => {
    const crs = parseCrs('EPSG:3405')!;
    const [x, y] = crs.fromWgs84(105.805, 21.605);
    const pop = tiff([4], 1, { ModelPixelScale: [100, 100, 0], ModelTiepoint: [0, 0, 0, x - 50, y + 50, 0], GTModelTypeGeoKey: 1, GTRasterTypeGeoKey: 1, ProjectedCSTypeGeoKey: 3405 });
    const { pkg, problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': pop }));
    expect(problems).toEqual([]);
    expect(pkg!.population!.pop).toHaveLength(1);
    expect(pkg!.population!.lon[0]).toBeCloseTo(105.805, 7);
    expect(pkg!.population!.lat[0]).toBeCloseTo(21.605, 7);
  });

  // Regression: with GDAL's usual float32 NoData written as -3.4e+38, every NoData cell
  // was reported as a negative count and the package rejected.
  it('skips NoData cells when NoData is written with fewer digits than float32 holds (nodata-not-float32)', async () => {
    const pop = hamletTiff([5, -3.4e38, -3.4e38, -3.4e38, 7, -3.4e38], { GDAL_NODATA: '-3.4e+38' });
    const { pkg, problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': pop }));
    expect(problems).toEqual([]);
    expect([...pkg!.population!.pop]).toEqual([5, 7]);
  });

  it('rejects negative counts that are not NoData', async () => {
    const pop = hamletTiff([5, -3, 1, 1, 1, -1]);
    const { pkg, problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': pop }));
    expect(pkg).toBeNull();
    expect(problems.map(formatProblem)).toEqual(['population.tif: 2 cells have a negative count (first at row 0, column 1: -3); expected counts ≥ 0, or the NoData value']);
  });

  it('warns about cells outside every hamlet like population.geojson points', async () => {
    const pop = lonLatTiff([1, 1, 1, 1, 1, 1]);
    const { problems } = await load(withFiles({ 'population.geojson': undefined, 'population.tif': pop }));
    expect(problems.map(formatProblem)).toEqual(['population.tif: 3 of 6 points (weight 3) lie inside no hamlet; they are not used']);
  });
});
