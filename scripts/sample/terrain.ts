// A synthetic elevation model (dem.tif) for the sample, plausible for the area: the
// valley of the Cầu river flats along QL17 at ≈ 25–35 m, low hills across old Nam Hoà,
// and the land rising north-east into Cây Thị's ridges (up to ≈ 500 m), whose spurs shadow
// the hamlets tucked behind them. Invented, like every other geometry of the sample
// (area.json notes say so); a real package would clip a 30 m SRTM or Copernicus GLO-30 tile.
// Deterministic: fixed harmonics, no random draws, so the other files do not move.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeArrayBuffer } from 'geotiff';
import { AXIS_AZ_DEG } from './outline.ts';
import { heading, nearestOnSegment, toLonLat, toXY, type XY } from './frame.ts';

/** One arc-second, the pixel of SRTM 1″ and Copernicus GLO-30 (≈ 31 m × 29 m here). */
const PIXEL_DEG = 1 / 3600;
/** Margin around the commune so cells near its edge see the terrain beyond it, metres. */
const MARGIN_M = 2500;

const AXIS = heading(AXIS_AZ_DEG);
const ACROSS = heading(AXIS_AZ_DEG + 90);
/** Ridge harmonics across Cây Thị: (wavelength along the axis m, across m, amplitude share, phase). */
const RIDGES: readonly [number, number, number, number][] = [
  [2600, 5200, 0.34, 0.6],
  [1500, 3100, 0.2, 2.3],
  [900, 1700, 0.12, 4.1],
];

/** The sample's ground elevation at local metres `p`, given QL17's path (the valley floor). */
export function elevationM(p: XY, ql17: readonly XY[]): number {
  const along = p[0] * AXIS[0] + p[1] * AXIS[1];
  const across = p[0] * ACROSS[0] + p[1] * ACROSS[1];
  let valleyM = Infinity;
  for (let i = 0; i + 1 < ql17.length; i++) valleyM = Math.min(valleyM, nearestOnSegment(p, ql17[i] as XY, ql17[i + 1] as XY).distM);
  // Rising into Cây Thị: nothing south-west of 1.5 km along the axis, ≈ 260 m of relief by 8 km.
  const t = Math.min(1, Math.max(0, (along - 1500) / 6500));
  const reliefM = 260 * t * t * (3 - 2 * t);
  let ridges = 0;
  for (const [waveAlong, waveAcross, share, phase] of RIDGES) {
    ridges += share * (1 + Math.sin((2 * Math.PI * along) / waveAlong + phase) * Math.cos((2 * Math.PI * across) / waveAcross + phase / 2));
  }
  const lowHillsM = 14 * (1 + Math.sin(p[0] / 640 + 1.1) * Math.sin(p[1] / 820 + 0.3));
  // The river valley: flat within ~300 m of the road, rising over ~1.2 km.
  const valleyShare = 1 - Math.exp(-((Math.max(0, valleyM - 300) / 1200) ** 2));
  return 28 + valleyShare * (lowHillsM + reliefM * (0.55 + ridges));
}

/** Writes dem.tif: UInt16 metres, EPSG:4326, pixel-is-area, covering `outline` plus a margin; returns its size. */
export function writeDem(dir: string, outline: readonly XY[], ql17: readonly XY[]): { width: number; height: number; minM: number; maxM: number } {
  const xs = outline.map((p) => p[0]);
  const ys = outline.map((p) => p[1]);
  const [west, south] = toLonLat([Math.min(...xs) - MARGIN_M, Math.min(...ys) - MARGIN_M]);
  const [east, north] = toLonLat([Math.max(...xs) + MARGIN_M, Math.max(...ys) + MARGIN_M]);
  const originLon = Math.floor(west / PIXEL_DEG) * PIXEL_DEG;
  const originLat = Math.ceil(north / PIXEL_DEG) * PIXEL_DEG;
  const width = Math.ceil((east - originLon) / PIXEL_DEG);
  const height = Math.ceil((originLat - south) / PIXEL_DEG);
  // Unsigned 16-bit metres: the land here is all above sea level, and geotiff's writer
  // encodes Uint16 but not Int16 (it would write one byte per value).
  const values = new Uint16Array(width * height);
  let minM = Infinity, maxM = -Infinity;
  for (let r = 0; r < height; r++) {
    for (let c = 0; c < width; c++) {
      const z = Math.round(elevationM(toXY([originLon + (c + 0.5) * PIXEL_DEG, originLat - (r + 0.5) * PIXEL_DEG]), ql17));
      values[r * width + c] = z;
      minM = Math.min(minM, z);
      maxM = Math.max(maxM, z);
    }
  }
  const tiff = writeArrayBuffer(values, {
    width,
    height,
    BitsPerSample: [16],
    SampleFormat: [1],
    ModelPixelScale: [PIXEL_DEG, PIXEL_DEG, 0],
    ModelTiepoint: [0, 0, 0, originLon, originLat, 0],
    GTModelTypeGeoKey: 2,
    GTRasterTypeGeoKey: 1,
    GeographicTypeGeoKey: 4326,
  });
  writeFileSync(join(dir, 'dem.tif'), new Uint8Array(tiff));
  return { width, height, minM, maxM };
}
