// Colour scales for the map and its legends. Pure: the same scales colour the map, the
// legend swatches and the hamlet table, so a colour always means one thing.
import { scaleThreshold } from 'd3-scale';

/** Viridis (matplotlib, van der Walt & Smith 2015) sampled at 0, 0.25, 0.5, 0.75, 1:
 *  perceptually uniform and readable with the common colour-vision deficiencies. */
export const VIRIDIS_5 = ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'] as const;

/** Colour for a hamlet or measurement with no figure (null). */
export const NO_DATA_COLOR = '#bdbdbd';

/** Share breaks (fractions): the top bin starts at the plan's usual 90 % hamlet threshold. */
export const SHARE_BREAKS = [0.25, 0.5, 0.75, 0.9] as const;

const shareScale = scaleThreshold<number, string>().domain([...SHARE_BREAKS]).range([...VIRIDIS_5]);

/** Choropleth colour for a population share (0..1); null ⇒ the no-data grey. */
export function shareColor(share: number | null): string {
  return share === null ? NO_DATA_COLOR : shareScale(share);
}

/** Legend rows for the share scale: [lower, upper) fraction bounds and the colour. */
export function shareLegend(): Array<{ from: number; to: number; color: string }> {
  const bounds = [0, ...SHARE_BREAKS, 1];
  return VIRIDIS_5.map((color, i) => ({ from: bounds[i] ?? 0, to: bounds[i + 1] ?? 1, color }));
}

/** Download-speed breaks in Mb/s: below 10 is poor for video calls, 100+ is fiber-like. */
export const SPEED_BREAKS_MBPS = [10, 30, 100] as const;

/** Cividis-like steps (Nuñez et al. 2018, sampled at 0, 1/3, 2/3, 1): dark = slow, yellow = fast. */
export const SPEED_COLORS = ['#00204d', '#575c6d', '#a69d75', '#ffea46'] as const;

/** Carrier colours from the Okabe–Ito palette (colour-blind safe); unknown carriers are grey. */
export const CARRIER_COLORS: Readonly<Record<string, string>> = {
  Viettel: '#D55E00',
  VNPT: '#0072B2',
  MobiFone: '#009E73',
};
export const OTHER_CARRIER_COLOR = '#7f7f7f';

/** Colour for a carrier name (case as in the data). */
export function carrierColor(carrier: string): string {
  return CARRIER_COLORS[carrier] ?? OTHER_CARRIER_COLOR;
}

/** Coverage overlay colours per technology (Okabe–Ito): distinct from the viridis choropleth. */
export const TECH_COLORS = { '4G': '#56B4E9', '5G': '#CC79A7', fiber: '#E69F00' } as const;

/** Priority places: covered blue, not covered vermillion (Okabe–Ito). */
export const POI_COVERED_COLOR = '#0072B2';
export const POI_UNCOVERED_COLOR = '#D55E00';

/** Uncovered-population points and hatched uniform-model hamlets. */
export const HOLE_COLOR = '#b2182b';
