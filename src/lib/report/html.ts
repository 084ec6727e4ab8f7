// The quarterly report as one self-contained HTML document that prints to A4: inline CSS,
// no scripts, no external requests (the map is an inline SVG or a data: URL), every text
// from the data escaped. The command line writes it (`--format html`); the app can pass
// its own report and a picture of its map view to print the same document.
import { formatDate, formatDeadline, formatInt, formatNetworkYear, term } from '../i18n/vocab.ts';
import { quarterOf, reportTerm } from '../i18n/report-words.ts';
import { escapeHtml } from './html/escape.ts';
import type { ReportHtmlInput } from './html/input.ts';
import { changesSection, hamletsSection, placesSection, sourcesSection, targetsSection } from './html/sections.ts';
import { reportCss } from './html/style.ts';
import { hamletSvg, shareLegendHtml, type MapHamlet } from './html/svg-map.ts';

export type { ReportHtmlInput } from './html/input.ts';
export { reportHtmlInput } from './html/input.ts';

const IMAGE_DATA_URL = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;

function oneLine(text: string): string {
  return text.replace(/\s*(\r\n?|\n)\s*/g, ' ');
}

function mapSection(input: ReportHtmlInput, title: string): string {
  const { lang, report } = input;
  const heading = `<section id="map"><h2>${escapeHtml(reportTerm('map', lang))}</h2>`;
  if (input.mapImage) {
    // Only an inline picture keeps the document self-contained; anything else is a caller's bug.
    if (!IMAGE_DATA_URL.test(input.mapImage)) {
      throw new RangeError(`reportHtml: mapImage must be a base64 data:image/png, jpeg or webp URL; got "${input.mapImage.slice(0, 40)}…"`);
    }
    return `${heading}<figure class="map"><img src="${escapeHtml(input.mapImage)}" alt="${escapeHtml(title)}"></figure></section>`;
  }
  const geometries = input.hamletGeometries ?? [];
  if (geometries.length !== report.hamlets.length) return '';
  const hamlets: MapHamlet[] = report.hamlets.map((h, i) => ({
    name: h.name,
    label: String(i + 1),
    share: h.share['5g'],
    geometry: geometries[i]!,
  }));
  const caption = reportTerm('map5gCaption', lang);
  const svg = hamletSvg(hamlets, caption, lang);
  if (!svg) return '';
  return `${heading}<figure class="map">${svg}<figcaption>${escapeHtml(caption)}${shareLegendHtml(lang)}</figcaption></figure></section>`;
}

/** The whole report as an HTML document (UTF-8, A4 portrait), Vietnamese or English by input.lang. */
export function reportHtml(input: ReportHtmlInput): string {
  const { report, lang, asOf } = input;
  const areaName = oneLine(report.area.name);
  const quarter = formatDeadline(quarterOf(asOf), lang);
  const title = `${term('reportTitle', lang)} — ${quarter}`;
  const place = input.province
    ? lang === 'vi'
      ? `${areaName}, ${reportTerm('province', lang)} ${oneLine(input.province)}`
      : `${areaName}, ${oneLine(input.province)} ${reportTerm('province', lang)}`
    : areaName;
  const facts: [string, string][] = [
    [reportTerm('reportPeriod', lang), quarter],
    [term('reportDate', lang), formatDate(asOf, lang)],
    [term('network', lang), formatNetworkYear(report.year, lang)],
    [term('totalPopulation', lang), `${formatInt(report.population, lang)} ${term('people', lang)}`],
  ];
  const header = [
    '<header class="report-head">',
    `<p class="kicker">${escapeHtml(place)}</p>`,
    `<h1>${escapeHtml(title)}</h1>`,
    `<dl class="facts">${facts.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join('')}</dl>`,
    report.area.sample ? `<p class="sample-notice" role="note">${escapeHtml(term('sampleNotice', lang))}</p>` : '',
    '</header>',
  ];
  const css = reportCss({ left: `${areaName} — ${title}`, page: reportTerm('page', lang) });
  const body = [
    ...header,
    mapSection(input, title),
    targetsSection(report, asOf, lang),
    input.history.length > 0 ? changesSection(report, input.history, asOf, lang) : '',
    hamletsSection(report, input.hamletCoverageThreshold, lang),
    placesSection(input.priorityPlaces, lang),
    sourcesSection(input.notes, input.files, lang),
  ].filter(Boolean);
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(`${title} — ${areaName}`)}</title>`,
    `<style>${css}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
