// What a click on the map shows: a title and label/value rows, all plain text. Pure, so the
// wording is tested; the map component inserts every string with textContent, never as HTML.
import type { Cell, Report } from '../engine/types.ts';
import { formatInt, formatNumber, formatPercent, NO_DATA_MARK, techLabel, type Lang, type ShareKey } from '../i18n/vocab.ts';
import { ui } from '../i18n/ui.ts';

export interface PopupContent {
  title: string;
  subtitle?: string;
  rows: Array<[label: string, value: string]>;
}

/** Layers a click can hit, most specific first (points above areas). */
export const CLICKABLE_LAYERS = ['pois', 'sites', 'speedtests', 'access-points', 'holes', 'hamlet-fill'] as const;
export type ClickableLayer = (typeof CLICKABLE_LAYERS)[number];

export interface PopupContext {
  lang: Lang;
  report: Report | null;
  cells: readonly Cell[];
}

type Props = Record<string, unknown>;

const SHARE_KEYS: ShareKey[] = ['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g'];

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

function sitePopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const siteId = String(props.site_id);
  const cells = ctx.cells.filter((c) => c.site_id === siteId);
  const rows: PopupContent['rows'] = [];
  for (const c of cells) {
    const direction = c.azimuth_deg === null ? t.omni : `${c.azimuth_deg}°`;
    const range = c.range_m === null ? t.predictedRange : `${formatInt(c.range_m, ctx.lang)} m`;
    const year = c.on_air_year === null ? '' : ` ${c.on_air_year}`;
    rows.push([
      `${c.id}`,
      `${c.carrier} ${c.tech} ${c.band_mhz ?? NO_DATA_MARK} MHz · ${direction} · ${range} · ${t.statuses[c.status]}${year}`,
    ]);
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

function speedtestPopup(props: Props, ctx: PopupContext): PopupContent {
  const t = ui(ctx.lang);
  const kind = props.kind === 'fixed' ? t.kindFixed : props.kind === 'mobile' ? t.kindMobile : text(props.kind);
  return {
    title: `${text(props.carrier)} ${text(props.tech)}`,
    subtitle: t.measurement,
    rows: [
      [t.time, text(props.time)],
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
    title: text(props.id),
    subtitle: t.accessPoint,
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
    rows: [
      [t.population, num(props.pop, ctx.lang)],
      [t.hamlet, text(hamlet?.name ?? props.hamletId)],
    ],
  };
}

/** The popup for a feature of a clickable layer, from its properties and the current figures. */
export function popupContent(layer: ClickableLayer, props: Props, ctx: PopupContext): PopupContent {
  switch (layer) {
    case 'hamlet-fill':
      return hamletPopup(props, ctx);
    case 'sites':
      return sitePopup(props, ctx);
    case 'pois':
      return poiPopup(props, ctx);
    case 'speedtests':
      return speedtestPopup(props, ctx);
    case 'access-points':
      return accessPointPopup(props, ctx);
    case 'holes':
      return holePopup(props, ctx);
  }
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
