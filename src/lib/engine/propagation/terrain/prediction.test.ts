// Terrain-aware prediction of one cell over synthetic DEMs: a ridge shadows what flat-earth
// prediction covers, a flat DEM reproduces the flat model, and the reach of standard cells
// matches the published model curves computed here from the papers' own formulas.
import { describe, expect, it } from 'vitest';
import { destination } from '../../geodesy.ts';
import type { LonLat, Tech } from '../../types.ts';
import { predictReach } from '../index.ts';
import { predictTerrainCoverage, Terrain, type TerrainCellInput } from './index.ts';
import { syntheticDem } from './synthetic-dem.ts';

const SITE: LonLat = [105.92, 21.61];
const flat = new Terrain(syntheticDem(SITE, 7000, 30, () => 40));

/** Reach along a bearing: the farthest distance (5 m steps) still covered, metres. */
function reachAlong(input: TerrainCellInput, terrain: Terrain, bearingDeg: number): number {
  const coverage = predictTerrainCoverage(input, terrain);
  let reachM = 0;
  for (let dM = 5; dM < 8000; dM += 5) {
    const [lon, lat] = destination(input.center, bearingDeg, dM);
    if (coverage.covers(lon, lat)) reachM = dM;
  }
  return reachM;
}

const cellInput = (tech: Tech, bandMHz: number, fields: Partial<TerrainCellInput> = {}): TerrainCellInput => ({
  tech,
  bandMHz,
  heightM: 30,
  eirpDbm: tech === '4G' ? 60 : 68,
  center: SITE,
  azimuthDeg: null,
  beamwidthDeg: 360,
  ...fields,
});

describe('a ridge between site and receiver', () => {
  // A north–south ridge 90 m high and ~200 m wide, 1 km east of the site.
  const ridge = new Terrain(syntheticDem(SITE, 7000, 30, (east) => 40 + 90 * Math.exp(-(((east - 1000) / 120) ** 2))));
  const cell = cellInput('4G', 1800);

  it('takes away coverage behind it that flat-earth prediction gives', () => {
    const flatReachM = predictReach(cell).maxReachM;
    expect(flatReachM).toBeGreaterThan(2000);
    const behind = destination(SITE, 90, 1800);
    const inFront = destination(SITE, 90, 700);
    const west = destination(SITE, 270, 1800);
    const overRidge = predictTerrainCoverage(cell, ridge);
    expect(overRidge.covers(...behind)).toBe(false);
    expect(overRidge.covers(...inFront)).toBe(true);
    expect(overRidge.covers(...west)).toBe(true);
    expect(predictTerrainCoverage(cell, flat).covers(...behind)).toBe(true);
    // The shadow is deep: well over 10 dB below the threshold.
    expect(overRidge.levelAt(...behind)).toBeLessThan(overRidge.assumptions.thresholdDbm - 10);
  });

  it('ends the footprint polygon at the ridge to the east, while it reaches far to the west', () => {
    const footprint = predictTerrainCoverage(cell, ridge).footprint();
    const lons = footprint.coordinates.flat(2).map((p) => p[0] as number);
    expect(Math.max(...lons)).toBeLessThan(destination(SITE, 90, 1300)[0]);
    expect(Math.min(...lons)).toBeLessThan(destination(SITE, 270, 2500)[0]);
  });
});

describe('over a flat DEM', () => {
  it.each([
    ['4G', 900, null],
    ['4G', 1800, null],
    ['4G', 2100, 120],
    ['5G', 2600, 30],
    ['5G', 3500, 0],
  ] as const)('%s %d MHz (azimuth %s) reaches as far as the flat model, within 2%', (tech, bandMHz, azimuthDeg) => {
    const input = cellInput(tech, bandMHz, azimuthDeg === null ? {} : { azimuthDeg, beamwidthDeg: 65 });
    const flatReach = predictReach(input);
    for (const offsetDeg of [0, 20, 45, 90, 180]) {
      const bearing = (azimuthDeg ?? 0) + offsetDeg;
      const expected = azimuthDeg === null ? flatReach.maxReachM : flatReach.reachAtOffsetM(offsetDeg, 65);
      const got = reachAlong(input, flat, bearing);
      expect(Math.abs(got - expected) / expected, `offset ${offsetDeg}°: ${got} m vs ${expected.toFixed(0)} m`).toBeLessThan(0.02);
    }
  });

  it('draws a footprint as large as the flat disc, within 2%', () => {
    const input = cellInput('4G', 1800);
    const coverage = predictTerrainCoverage(input, flat);
    const areaM2 = coverage.coveredPixels * coverage.pixelM ** 2;
    const discM2 = Math.PI * predictReach(input).maxReachM ** 2;
    expect(Math.abs(areaM2 - discM2) / discM2).toBeLessThan(0.02);
  });
});

describe('reach of standard cells against the published model curves (flat DEM)', () => {
  // 4G: LTE band 3, 30 m, 60 dBm EIRP; RSRP −110 dBm ⇒ max loss 60 − 30.8 + 110 = 139.2 dB.
  // COST 231 Final Report (1999) §4.4.1: L = 46.3 + 33.9 log f − 13.82 log hb − a(hm) + (44.9 − 6.55 log hb) log d + Cm,
  // a(hm) = (1.1 log f − 0.7) hm − (1.56 log f − 0.8) (Hata 1980), Cm = 0; with Hata's suburban
  // correction −2[log(f/28)]² − 5.4 (IEEE VT-29(3), 1980).
  it('4G 1800 MHz: within 2% of the COST-231 Hata (suburban) reach', () => {
    const f = 1800, hb = 30, hm = 1.5, maxLossDb = 60 - 10 * Math.log10(1200) + 110;
    const a = (1.1 * Math.log10(f) - 0.7) * hm - (1.56 * Math.log10(f) - 0.8);
    const at1km = 46.3 + 33.9 * Math.log10(f) - 13.82 * Math.log10(hb) - a - (2 * Math.log10(f / 28) ** 2 + 5.4);
    const publishedM = 1000 * 10 ** ((maxLossDb - at1km) / (44.9 - 6.55 * Math.log10(hb)));
    expect(publishedM).toBeGreaterThan(2600);
    expect(publishedM).toBeLessThan(2700);
    const got = reachAlong(cellInput('4G', 1800), flat, 37);
    expect(Math.abs(got - publishedM) / publishedM).toBeLessThan(0.02);
  });

  // 5G: NR n78, 30 m, 68 dBm EIRP; SS-RSRP −110 dBm ⇒ max loss 68 − 35.2 + 110 = 142.8 dB.
  // 3GPP TR 38.901 V17.0.0 Table 7.4.1-1, RMa NLOS with h = 5 m, W = 20 m, hUT = 1.5 m:
  // PL'_NLOS = 161.04 − 7.1 log W + 7.5 log h − (24.37 − 3.7 (h/hBS)²) log hBS + (43.42 − 3.1 log hBS)(log d3D − 3)
  //            + 20 log fc − (3.2 (log 11.75 hUT)² − 4.97); PL = max(PL_LOS, PL'_NLOS), NLOS dominating at these distances.
  it('5G 3500 MHz: within 2% of the 3GPP TR 38.901 RMa NLOS reach', () => {
    const fc = 3.5, hBS = 30, hUT = 1.5, h = 5, W = 20, maxLossDb = 68 - 10 * Math.log10(3276) + 110;
    const nlos = (d3: number) =>
      161.04 - 7.1 * Math.log10(W) + 7.5 * Math.log10(h) - (24.37 - 3.7 * (h / hBS) ** 2) * Math.log10(hBS) +
      (43.42 - 3.1 * Math.log10(hBS)) * (Math.log10(d3) - 3) + 20 * Math.log10(fc) - (3.2 * Math.log10(11.75 * hUT) ** 2 - 4.97);
    // Bisection on the ground distance for PL'_NLOS = max loss.
    let lo = 100, hi = 5000;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (nlos(Math.hypot(mid, hBS - hUT)) < maxLossDb) lo = mid;
      else hi = mid;
    }
    const publishedM = lo;
    expect(publishedM).toBeGreaterThan(1850);
    expect(publishedM).toBeLessThan(1950);
    const got = reachAlong(cellInput('5G', 3500), flat, 200);
    expect(Math.abs(got - publishedM) / publishedM).toBeLessThan(0.02);
  });
});

describe('DEM NoData', () => {
  it('fills a void from its neighbours instead of reading it as sea level', () => {
    const raster = syntheticDem(SITE, 300, 30, () => 200);
    const middle = Math.floor(raster.values.length / 2);
    raster.values[middle] = -9999;
    raster.values[middle + 1] = -9999;
    const terrain = new Terrain({ ...raster, noData: -9999 });
    expect(terrain.filledCells).toBe(2);
    expect(terrain.minElevationM).toBe(200);
  });
});
