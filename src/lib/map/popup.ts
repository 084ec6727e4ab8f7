// What a click on the map shows: a title and label/value rows, all plain text. Pure, so the
// wording is tested; the map component inserts every string with textContent, never as HTML.
import type { Cell, CoverageTech, Report, Status } from '../engine/types.ts';
import { formatInt, formatNumber, formatPercent, NO_DATA_MARK, techLabel, type Lang, type ShareKey } from '../i18n/vocab.ts';
import { fill, ui } from '../i18n/ui.ts';
import { plannerText } from '../i18n/planner.ts';

export interface PopupContent {
  title: string;
  subtitle?: string;
  rows: Array<[label: string, value: string]>;
}

/** Layers a click can hit, most specific first (points above areas). */
export const CLICKABLE_LAYERS = ['pois', 'sites', 'candidate-places', 'speedtests', 'access-points', 'holes', 'sector-fill', 'holes-grid', 'hamlet-fill'] as const;
export type ClickableLayer = (typeof CLICKABLE_LAYERS)[number];

export interface PopupContext {
  lang: Lang;
  report: Report | null;
  cells: readonly Cell[];
}

type Props = Record<string, unknown>;

const SHARE_KEYS: ShareKey[] = ['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g'];
const COVERAGE_TECHS: readonly string[] = ['4G', '5G', 'fiber'] satisfies CoverageTech[];
/** Keeps a number and its unit on one line. */
const NBSP = '\u00a0';

function text(value: unknown): string {
  return value === null || value === undefined || value === '' ? NO_DATA_MARK : String(value);
}

function num(value: unknown, lang: Lang): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatInt(value, lang) : NO_DATA_MARK;
}

/** A speed or other measured figure: up to one decimal. */
function measure(value: unknown, lang: Lang): string {
  return typeof value === 'number' && Number.isFinite(value) ? formatNumber(value, lang, 0, 1) : NO_DATA_MARK;
}

function hamletPopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const id = String(props.id);
  const hamlet = ctx.report?.hamlets.find((h) => h.id === id);
  const rows: PopupContent['rows'] = [[t.population, num(hamlet?.population ?? props.population, ctx.lang)]];
  for (const key of SHARE_KEYS) rows.push([techLabel(key, ctx.lang), formatPercent(hamlet?.share[key] ?? null, ctx.lang)]);
  return { title: text(hamlet?.name ?? props.name), subtitle: t.hamlet, rows };
}

/** A cell's status in words, with its year: "Đang phát sóng (từ 2020)", "Dự kiến phát sóng năm 2026". */
export function statusText(status: Status, year: number | null, lang: Lang): string {
  const t = ui(lang);
  if (year === null || status === 'candidate') return t.statuses[status];
  return fill(status === 'on_air' ? t.statusOnAirSince : t.statusPlannedFor, { year: String(year) });
}

function sitePopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const siteId = String(props.site_id);
  const cells = ctx.cells.filter((c) => c.site_id === siteId);
  const carriers = [...new Set(cells.map((c) => c.carrier))].join(', ');
  const rows: PopupContent['rows'] = [[t.carrier, text(carriers || props.carrier)]];
  for (const c of cells) {
    const band = c.band_mhz === null ? '' : ` ${c.band_mhz}${NBSP}MHz`;
    const direction = c.azimuth_deg === null ? t.omni : fill(t.towards, { deg: String(c.azimuth_deg) });
    const reach = c.range_m === null ? t.predictedRange : `${formatInt(c.range_m, ctx.lang)}${NBSP}m`;
    rows.push([`${c.tech}${band}`, `${direction} · ${reach} · ${statusText(c.status, c.on_air_year, ctx.lang)}`]);
  }
  return { title: text(cells[0]?.name ?? props.name), subtitle: `${t.site} ${siteId}`, rows };
}

function poiPopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const type = String(props.type) as keyof typeof t.poiTypes;
  const rows: PopupContent['rows'] = [[t.poiType, t.poiTypes[type] ?? text(props.type)]];
  for (const key of SHARE_KEYS) {
    rows.push([techLabel(key, ctx.lang), props[`cov_${key}`] === true ? t.legendCovered : t.legendNotCovered]);
  }
  return { title: text(props.name), subtitle: t.poi, rows };
}

/** A measurement time as recorded (its own clock, not the viewer's): "22/10/2026 18:39" (vi), "2026-10-22 18:39" (en). */
export function measuredAt(time: unknown, lang: Lang): string {
  const m = typeof time === 'string' ? /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/.exec(time) : null;
  if (!m) return text(time);
  const [, yyyy, mm, dd, hh, min] = m;
  const date = lang === 'vi' ? `${dd}/${mm}/${yyyy}` : `${yyyy}-${mm}-${dd}`;
  if (hh === undefined || min === undefined) return date;
  return `${date} ${hh}:${min}${String(time).endsWith('Z') ? ' UTC' : ''}`;
}

function speedtestPopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const kind = props.kind === 'fixed' ? t.kindFixed : props.kind === 'mobile' ? t.kindMobile : text(props.kind);
  const tech = typeof props.tech === 'string' && COVERAGE_TECHS.includes(props.tech) ? techLabel(props.tech as CoverageTech, ctx.lang) : text(props.tech);
  return {
    title: `${text(props.carrier)} · ${tech}`,
    subtitle: t.measurement,
    rows: [
      [t.time, measuredAt(props.time, ctx.lang)],
      [t.kind, kind],
      [t.downMbps, measure(props.down_mbps, ctx.lang)],
      [t.upMbps, measure(props.up_mbps, ctx.lang)],
      [t.latencyMs, num(props.latency_ms, ctx.lang)],
    ],
  };
}

function accessPointPopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const status = String(props.status) as keyof typeof t.statuses;
  return {
    title: t.accessPoint,
    subtitle: text(props.id),
    rows: [
      [t.carrier, text(props.carrier)],
      [t.maxMbps, num(props.max_mbps, ctx.lang)],
      [t.reachM, num(props.reach_m, ctx.lang)],
      [t.statusField, t.statuses[status] ?? text(props.status)],
    ],
  };
}

function holePopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const hamlet = ctx.report?.hamlets.find((h) => h.id === String(props.hamletId));
  return {
    title: t.uncoveredPeople,
    subtitle: t.layerHoles,
    rows: [
      [t.people, num(props.pop, ctx.lang)],
      [t.hamlet, text(hamlet?.name ?? props.hamletId)],
    ],
  };
}

function candidatePlacePopup(props: Props, ctx: PopupContext): PopupContent {
  const p = plannerText(ctx.lang);
  const kind = String(props.kind) as keyof typeof p.placeKinds;
  const maxHeight = typeof props.max_height_m === 'number' ? `${formatNumber(props.max_height_m, ctx.lang, 0, 1)}${NBSP}m` : NO_DATA_MARK;
  return {
    title: text(props.name),
    subtitle: p.candidatePlace,
    rows: [
      [p.placeKind, p.placeKinds[kind] ?? text(props.kind)],
      [p.maxHeightField, maxHeight],
    ],
  };
}

/** The popup for a feature of a clickable layer, from its properties and the current figures. */
export function popupContent(layer: ClickableLayer, props: Props, ctx: PopupContext): PopupContent {
  switch (layer) {
    case 'hamlet-fill':
      return hamletPopup(props, ctx);
    case 'sites':
    case 'sector-fill':
      return sitePopup(props, ctx);
    case 'pois':
      return poiPopup(props, ctx);
    case 'speedtests':
      return speedtestPopup(props, ctx);
    case 'access-points':
      return accessPointPopup(props, ctx);
    case 'holes':
    case 'holes-grid':
      return holePopup(props, ctx);
    case 'candidate-places':
      return candidatePlacePopup(props, ctx);
  }
}

/** The site a click on this layer selects (its footprints are drawn), or null. */
export function siteOf(layer: ClickableLayer, props: Props): string | null {
  return (layer === 'sites' || layer === 'sector-fill') && props.site_id !== undefined ? String(props.site_id) : null;
}

/** Renders popup content as DOM, every string as a text node. */
export function popupElement(content: PopupContent, doc: Document): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'popup';
  if (content.subtitle) {
    const sub = doc.createElement('div');
    sub.className = 'popup-subtitle';
    sub.textContent = content.subtitle;
    root.append(sub);
  }
  const title = doc.createElement('h3');
  title.textContent = content.title;
  const table = doc.createElement('table');
  for (const [label, value] of content.rows) {
    const tr = doc.createElement('tr');
    const th = doc.createElement('th');
    th.scope = 'row';
    th.textContent = label;
    const td = doc.createElement('td');
    td.textContent = value;
    tr.append(th, td);
    table.append(tr);
  }
  root.append(title, table);
  return root;
}
