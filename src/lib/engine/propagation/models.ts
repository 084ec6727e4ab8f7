// Which path-loss model a band uses, and over which distances it may be evaluated.
// Environment class: a rural Vietnamese commune (villages of one- to three-storey houses
// among trees and rice fields) is Hata's "suburban" class; "open area" (no obstacles in
// the path) would overstate reach near villages. The same class is carried into the
// other bands so the models meet at their band edges (1.3 dB apart at 1500 MHz, 0.7 dB
// at 3000 MHz and 1 km with the defaults) instead of stepping.
import { cost231HataDb, hataSuburbanCorrectionDb, hataDistanceSlopeDb, okumuraHataUrbanDb } from './hata.ts';
import { rmaNlosLossFn } from './rma.ts';

export type ModelId = 'okumura-hata' | 'cost231-hata' | 'cost231-hata-extrapolated' | '3gpp-rma-nlos';

/** A path-loss model bound to one band and antenna height: loss as a function of ground distance. */
export interface PathLossModel {
  id: ModelId;
  /** Median path loss at ground distance `distanceM`, dB. */
  pathLossDb(distanceM: number): number;
  /** Shortest distance the reach is allowed to shrink to, metres. */
  minDistanceM: number;
  /** Longest distance the model is valid for, metres. */
  maxDistanceM: number;
  /** Closed-form inverse when the loss is log-linear in distance; null ⇒ solve numerically. */
  distanceForLossM: ((lossDb: number) => number) | null;
}

/** Bands the models cover, MHz: Hata's lower edge to the top of 5G FR1 (TS 38.104 §5.1: 7125 MHz). */
export const SUPPORTED_BAND_MHZ = { min: 150, max: 7125 } as const;

/** Hata (1980): 150–1500 MHz; COST 231 §4.4.1: 1500–2000 MHz, here taken to 2200 (band 1 downlink). */
const HATA_MAX_MHZ = 1500;
const COST231_MAX_MHZ = 2200;
/** 2.3 and 2.6 GHz (LTE bands 40, 7, 41) have no Hata-type model of their own: COST-231 extrapolated. */
const COST231_EXTRAPOLATED_MAX_MHZ = 3000;

/** Hata and COST-231 are fitted for 1–20 km (Hata 1980); below 1 km the formula is kept and reach
 *  floored at 100 m, since the log-distance law still holds well short of 1 km for towers above clutter. */
const HATA_MIN_M = 100;
const HATA_MAX_M = 20_000;
/** TR 38.901 Table 7.4.1-1: RMa NLOS is valid for 10 m ≤ d2D ≤ 5 km. */
const RMA_MIN_M = 10;
const RMA_NLOS_MAX_M = 5_000;

/** COST 231 §4.4.1: Cm = 0 dB for medium cities and suburban centres. */
const COST231_CM_DB = 0;

/** Hata-type loss A + B·log10(d_km) with the suburban correction folded into A. */
function hataTypeModel(id: ModelId, interceptDb: number, baseHeightM: number): PathLossModel {
  const slopeDb = hataDistanceSlopeDb(baseHeightM);
  return {
    id,
    pathLossDb: (distanceM) => interceptDb + slopeDb * Math.log10(distanceM / 1000),
    minDistanceM: HATA_MIN_M,
    maxDistanceM: HATA_MAX_M,
    distanceForLossM: (lossDb) => 1000 * 10 ** ((lossDb - interceptDb) / slopeDb),
  };
}

/** The path-loss model for a band, base antenna height and mobile height (flat terrain, suburban/rural class). */
export function pathLossModel(bandMHz: number, baseHeightM: number, mobileHeightM: number): PathLossModel {
  const suburbanDb = hataSuburbanCorrectionDb(bandMHz);
  if (bandMHz < HATA_MAX_MHZ) {
    const urbanAt1KmDb = okumuraHataUrbanDb(bandMHz, baseHeightM, mobileHeightM, 1);
    return hataTypeModel('okumura-hata', urbanAt1KmDb - suburbanDb, baseHeightM);
  }
  if (bandMHz < COST231_EXTRAPOLATED_MAX_MHZ) {
    // COST-231's base is a medium city; Hata's suburban correction is applied on top of it
    // as it is on top of Hata's urban formula, keeping one environment class throughout.
    const urbanAt1KmDb = cost231HataDb(bandMHz, baseHeightM, mobileHeightM, 1, COST231_CM_DB);
    const id: ModelId = bandMHz <= COST231_MAX_MHZ ? 'cost231-hata' : 'cost231-hata-extrapolated';
    return hataTypeModel(id, urbanAt1KmDb - suburbanDb, baseHeightM);
  }
  return {
    id: '3gpp-rma-nlos',
    pathLossDb: rmaNlosLossFn(bandMHz / 1000, baseHeightM, mobileHeightM),
    minDistanceM: RMA_MIN_M,
    maxDistanceM: RMA_NLOS_MAX_M,
    distanceForLossM: null,
  };
}
