// A small inline SVG map of the hamlets, each filled by its 5G population share with the
// app's choropleth scale (map/colors.ts), for reports that have no picture of the map
// view (the command line). Lon/lat are drawn equirectangular, x shrunk by cos(latitude):
// true to shape within a commune's few kilometres.
import { pointOnFeature } from '@turf/turf';
import type { Position } from 'geojson';
import type { HamletGeometry } from '../../engine/types.ts';
import type { Lang } from '../../i18n/vocab.ts';
import { formatPercent, term } from '../../i18n/vocab.ts';
import { NO_DATA_COLOR, shareColor, shareLegend } from '../../map/colors.ts';
import { escapeHtml } from './escape.ts';

export interface MapHamlet {
  name: string;
  /** The number shown on the map: the hamlet's row number in the table. */
  label: string;
  share: number | null;
  geometry: HamletGeometry;
}

const WIDTH = 1000;
const PAD = 12;

function polygonsOf(geometry: HamletGeometry): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Drops a vertex that rounds onto the one before it: detailed surveyed boundaries stay small in the page. */
function dedupe(points: readonly string[]): string[] {
  return points.filter((p, i) => i === 0 || p !== points[i - 1]);
}

/** An SVG of the hamlets with their numbers, or null when there is nothing to draw. */
export function hamletSvg(hamlets: readonly MapHamlet[], title: string, lang: Lang): string | null {
  // A loop, not Math.min(...all): real boundaries can hold more vertices than a call takes arguments.
  let [west, east, south, north] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const h of hamlets) {
    for (const p of polygonsOf(h.geometry).flat(2)) {
      const [lon = 0, lat = 0] = p;
      [west, east, south, north] = [Math.min(west, lon), Math.max(east, lon), Math.min(south, lat), Math.max(north, lat)];
    }
  }
  if (west > east) return null;
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const spanX = Math.max((east - west) * kx, 1e-9);
  const spanY = Math.max(north - south, 1e-9);
  const scale = (WIDTH - 2 * PAD) / spanX;
  const height = Math.ceil(spanY * scale + 2 * PAD);
  const project = (p: Position): [string, string] => [(PAD + ((p[0] ?? 0) - west) * kx * scale).toFixed(1), (PAD + (north - (p[1] ?? 0)) * scale).toFixed(1)];
  const xy = (p: Position): string => project(p).join(',');
  const paths = hamlets.map((h) => {
    const d = polygonsOf(h.geometry)
      .flatMap((rings) => rings.map((ring) => `M${dedupe(ring.map(xy)).join('L')}Z`))
      .join('');
    const tip = `${h.label}. ${h.name}: ${formatPercent(h.share, lang)}`;
    return `<path d="${d}" fill="${shareColor(h.share)}"><title>${escapeHtml(tip)}</title></path>`;
  });
  const labels = hamlets.map((h) => {
    const at = pointOnFeature({ type: 'Feature', properties: {}, geometry: h.geometry }).geometry.coordinates;
    const [x, y] = project(at);
    return `<text x="${x}" y="${y}">${escapeHtml(h.label)}</text>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escapeHtml(title)}">`,
    `<g stroke="#ffffff" stroke-width="1.5" stroke-linejoin="round" fill-rule="evenodd">${paths.join('')}</g>`,
    // White halo under dark digits: readable on every viridis step, from purple to yellow.
    `<g font-size="24" font-weight="700" text-anchor="middle" dominant-baseline="central" fill="#111" stroke="#fff" stroke-width="5" paint-order="stroke">${labels.join('')}</g>`,
    '</svg>',
  ].join('');
}

/** The colour key of the share scale, plus the no-data grey. */
export function shareLegendHtml(lang: Lang): string {
  const items = shareLegend().map(({ from, to, color }, i, all) => {
    const last = i === all.length - 1;
    const range = `${formatPercent(from, lang, 0)}${last ? `–${formatPercent(to, lang, 0)}` : ` – < ${formatPercent(to, lang, 0)}`}`;
    return `<span><span class="swatch" style="background:${color}"></span>${escapeHtml(range)}</span>`;
  });
  items.push(`<span><span class="swatch" style="background:${NO_DATA_COLOR}"></span>${escapeHtml(term('noData', lang))}</span>`);
  return `<div class="legend">${items.join('')}</div>`;
}
