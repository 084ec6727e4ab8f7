// Downlink link budget from a cell's total EIRP to the reference-signal power a phone
// measures (RSRP), and the defaults used when sites.csv leaves a field empty.
import type { Tech } from '../types.ts';

/** Receiver (phone) antenna height above ground, metres: Hata's and TR 38.901's hUT = 1.5 m. */
export const MOBILE_HEIGHT_M = 1.5;

/** Per-technology assumptions; every value's source is in the comment beside it. */
export interface TechLinkBudget {
  /** Used when sites.csv leaves band_mhz empty. */
  defaultBandMHz: number;
  /** Used when sites.csv leaves height_m empty. */
  defaultHeightM: number;
  /** Used when sites.csv leaves eirp_dbm empty: total EIRP over the channel. */
  defaultEirpDbm: number;
  /** Assumed channel: occupied subcarriers (one resource element each per OFDM symbol). */
  subcarriers: number;
  /** Default edge of coverage: RSRP (4G) or SS-RSRP (5G) at 1.5 m outdoors, dBm. */
  thresholdDbm: number;
}

export const LINK_BUDGET: Record<Tech, TechLinkBudget> = {
  '4G': {
    // LTE band 3 (1800 MHz) is the main 4G layer of Vietnamese carriers.
    defaultBandMHz: 1800,
    // A typical rural ground-based tower in Vietnam (monopoles are 18–42 m).
    defaultHeightM: 30,
    // 20 W per port × 2 ports (46 dBm) + 17–18 dBi panel gain − ~3 dB feeder loss ≈ 60 dBm.
    defaultEirpDbm: 60,
    // LTE 20 MHz: N_RB = 100 (3GPP TS 36.101 Table 5.6-1) × 12 subcarriers per RB
    // (TS 36.211 §6.2.3) = 1200, so RSRP per RE = EIRP − 10·log10(1200) = EIRP − 30.8 dB
    // (RSRP is the power of one reference-signal RE, TS 36.214 §5.1.1; uniform power per RE assumed).
    subcarriers: 1200,
    // −110 dBm: edge of usable outdoor 4G in regulators' coverage definitions
    // (ACMA and carriers' maps sit at −110 to −115 dBm; Ofcom's "good" data coverage is
    // −105 dBm). At 15 kHz per RE the noise floor is −174 + 41.8 + 7 dB NF ≈ −125 dBm,
    // so −110 dBm leaves ≈ 15 dB SNR before interference.
    thresholdDbm: -110,
  },
  '5G': {
    // NR band n78 (3300–3800 MHz), the 5G band licensed in Vietnam.
    defaultBandMHz: 3500,
    defaultHeightM: 30,
    // 64T64R active antenna: 200 W conducted (53 dBm) + ~15 dBi of the wide SSB broadcast
    // beam that SS-RSRP measures (the narrow data beams reach ~25 dBi) ≈ 68 dBm.
    defaultEirpDbm: 68,
    // NR 100 MHz at 30 kHz SCS: N_RB = 273 (3GPP TS 38.104 Table 5.3.2-1) × 12 = 3276,
    // so SS-RSRP per RE = EIRP − 10·log10(3276) = EIRP − 35.2 dB (SS-RSRP: TS 38.215 §5.1.1).
    subcarriers: 3276,
    // −110 dBm SS-RSRP: the same edge as 4G. A 30 kHz RE has a 3 dB higher noise floor
    // (≈ −122 dBm with 7 dB NF), still ≈ 12 dB SNR.
    thresholdDbm: -110,
  },
};

/** Reference-signal EIRP per resource element from the channel's total EIRP, dBm. */
export function eirpPerResourceElementDbm(tech: Tech, eirpDbm: number): number {
  return eirpDbm - 10 * Math.log10(LINK_BUDGET[tech].subcarriers);
}
