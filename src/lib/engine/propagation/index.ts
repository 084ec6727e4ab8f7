// Predicted reach of a cell without range_m: the ground distance at which the median
// reference-signal power (RSRP / SS-RSRP) at a 1.5 m phone falls to the coverage threshold,
// over flat terrain. Over a DEM, terrain/ predicts the received level instead (same link
// budget, plus diffraction). README.md beside this file explains the models, constants and limits.
import { CELL_RANGES, checkRange, showQuantity } from '../ranges.ts';
import type { Tech } from '../types.ts';
import { horizontalPatternDb } from './antenna.ts';
import { distanceForLossM, radioHorizonM } from './invert.ts';
import { LINK_BUDGET, MOBILE_HEIGHT_M, eirpPerResourceElementDbm } from './link-budget.ts';
import { SUPPORTED_BAND_MHZ, pathLossModel } from './models.ts';
import type { ModelId, PathLossModel } from './models.ts';

export interface ReachInput {
  tech: Tech;
  bandMHz: number | null;
  heightM: number | null;
  eirpDbm: number | null;
}

export interface PredictOptions {
  /** Coverage edge in dBm (RSRP for 4G, SS-RSRP for 5G); default LINK_BUDGET[tech].thresholdDbm. */
  thresholdDbm?: number;
}

export interface PredictedReach {
  /** Geodesic reach along boresight (or everywhere for omni), metres. */
  maxReachM: number;
  /** Reach at `offBoresightDeg` (0..180) off the boresight for a sector of beamwidth `beamwidthDeg` (3GPP horizontal pattern); equals maxReachM when beamwidthDeg >= 360. */
  reachAtOffsetM(offBoresightDeg: number, beamwidthDeg: number): number;
  /** The inputs actually used, defaults filled in, and the model chosen (for legends and reports). */
  assumptions: ReachAssumptions;
}

export interface ReachAssumptions {
  model: ModelId;
  bandMHz: number;
  heightM: number;
  eirpDbm: number;
  thresholdDbm: number;
  /** EIRP per resource element minus threshold: the largest loss still covered, dB. */
  maxPathLossDb: number;
}

type ReachField = 'band_mhz' | 'height_m' | 'eirp_dbm';

/**
 * A field outside what the propagation models cover (flat-terrain Hata/COST-231/RMa),
 * whatever the data's plausible ranges say: the band and an antenna above the phone.
 */
export function modelInputProblem(input: ReachInput): { field: ReachField; message: string } | null {
  const { bandMHz, heightM } = input;
  if (bandMHz !== null && !(bandMHz >= SUPPORTED_BAND_MHZ.min && bandMHz <= SUPPORTED_BAND_MHZ.max)) {
    return {
      field: 'band_mhz',
      message: `got ${showQuantity(bandMHz, 'MHz')}; expected ${SUPPORTED_BAND_MHZ.min}–${SUPPORTED_BAND_MHZ.max} MHz, the bands the propagation models cover`,
    };
  }
  if (heightM !== null && !(heightM > MOBILE_HEIGHT_M)) {
    return { field: 'height_m', message: `got ${showQuantity(heightM, 'm')}; expected an antenna above the phone (${MOBILE_HEIGHT_M} m), as the propagation models assume` };
  }
  return null;
}

/**
 * A field of ReachInput that cannot be used, with the reason; null when all are usable:
 * first the plausible ranges every cell must meet (ranges.ts, as the sites loader checks
 * them), then what the propagation models cover.
 */
export function reachInputProblem(input: ReachInput): { field: ReachField; message: string } | null {
  const fields: [ReachField, number | null][] = [
    ['band_mhz', input.bandMHz],
    ['height_m', input.heightM],
    ['eirp_dbm', input.eirpDbm],
  ];
  for (const [field, value] of fields) {
    if (value === null) continue;
    const verdict = checkRange(CELL_RANGES[field], value);
    if (verdict?.severity === 'error') return { field, message: verdict.message };
  }
  return modelInputProblem(input);
}

/** A cell's link resolved: defaults filled in, the path-loss model for its band and heights, and where the model stops. */
export interface ResolvedLink {
  assumptions: ReachAssumptions;
  model: PathLossModel;
  /** Radio horizon over a 4/3 Earth between the antenna and a 1.5 m phone, metres. */
  horizonM: number;
}

/**
 * Fills a cell's empty fields with its technology's defaults and picks its model; throws a
 * RangeError naming a field the models cannot take. Only the models' own domain: plausibility
 * is the data's business (reachInputProblem), and the models stay testable across their band.
 */
export function resolveLink(input: ReachInput, options: PredictOptions = {}): ResolvedLink {
  const problem = modelInputProblem(input);
  if (problem) throw new RangeError(`${problem.field}: ${problem.message}`);
  if (input.eirpDbm !== null && !Number.isFinite(input.eirpDbm)) throw new RangeError(`eirp_dbm: got ${input.eirpDbm}; expected a number of dBm`);
  const budget = LINK_BUDGET[input.tech];
  const bandMHz = input.bandMHz ?? budget.defaultBandMHz;
  const heightM = input.heightM ?? budget.defaultHeightM;
  const eirpDbm = input.eirpDbm ?? budget.defaultEirpDbm;
  const thresholdDbm = options.thresholdDbm ?? budget.thresholdDbm;
  // Phone antenna gain 0 dBi, no body, fade or penetration margin: a median outdoor prediction.
  const maxPathLossDb = eirpPerResourceElementDbm(input.tech, eirpDbm) - thresholdDbm;
  const model = pathLossModel(bandMHz, heightM, MOBILE_HEIGHT_M);
  return {
    assumptions: { model: model.id, bandMHz, heightM, eirpDbm, thresholdDbm, maxPathLossDb },
    model,
    horizonM: radioHorizonM(heightM, MOBILE_HEIGHT_M),
  };
}

/** Predicts a cell's reach from band, antenna height and EIRP over flat terrain, for the default RSRP threshold of its technology. */
export function predictReach(input: ReachInput, options: PredictOptions = {}): PredictedReach {
  const { assumptions, model, horizonM } = resolveLink(input, options);
  const { maxPathLossDb } = assumptions;
  const maxReachM = distanceForLossM(model, maxPathLossDb, horizonM);
  return {
    maxReachM,
    reachAtOffsetM(offBoresightDeg, beamwidthDeg) {
      if (beamwidthDeg >= 360) return maxReachM;
      const patternDb = horizontalPatternDb(offBoresightDeg, beamwidthDeg);
      return patternDb === 0 ? maxReachM : distanceForLossM(model, maxPathLossDb + patternDb, horizonM);
    },
    assumptions,
  };
}
