// Candidates as KML 2.2 for Google Earth. Written by hand (no maintained npm library
// writes KML with styles and ExtendedData; tokml writes neither folders nor shared
// styles) and read with @tmcw/togeojson.
//
// Layout: one Folder per site (a run of consecutive cells sharing a site_id, so the
// cells keep their order), one Placemark per cell, all at the site's position. The
// site's first Placemark is its pin: coloured by technology (5G when the site has any),
// labelled with the site's name, its description a table of all the site's cells. The
// other cells of the site sit under that pin with a hidden icon and label, so Google
// Earth shows one pin per site while the Places panel lists every cell. Every Placemark
// carries all sites.csv fields in <ExtendedData><Data name="…">; reading back, those
// fields win over <name>, and the Placemark's Point wins over the lon/lat Data (a pin
// dragged in Google Earth moves the cell).
import { kml } from '@tmcw/togeojson';
import type { FileProblems } from '../data/collector.ts';
import { loadSitesRecords, SITE_FIELDS } from '../data/sites.ts';
import type { Cell, Tech } from '../engine/types.ts';
import { TECH_COLORS } from '../map/colors.ts';

/** Parses XML text; the browser's DOMParser, or @xmldom/xmldom in Node. May throw on malformed XML. */
export type ParseXml = (text: string) => Document;

type SiteField = (typeof SITE_FIELDS)[number];

// XML 1.0 cannot hold these code points at all, not even as character references.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for element content or an attribute. CR becomes &#13; because an XML parser turns
 * a literal CR (or CRLF) into LF, and so do NEL and LINE SEPARATOR for parsers that follow
 * XML 1.1 (xmldom); code points XML cannot hold become U+FFFD.
 */
function xml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\r/g, '&#13;')
    .replace(/\u0085/g, '&#x85;')
    .replace(/\u2028/g, '&#x2028;');
}

/** HTML for the description balloon (then escaped again as XML text, which Google Earth accepts). */
function html(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r?\n|\r/g, '<br>');
}

/** KML colours are aabbggrr. */
function kmlColor(hex: string): string {
  const [r, g, b] = [hex.slice(1, 3), hex.slice(3, 5), hex.slice(5, 7)];
  return `ff${b}${g}${r}`.toLowerCase();
}

const PIN_ICON = 'http://maps.google.com/mapfiles/kml/paddle/wht-blank.png';
const TECHS: readonly Tech[] = ['4G', '5G'];
const HIDDEN_STYLE = 'sector-under-pin';

function styles(): string {
  const techStyles = TECHS.map(
    (tech) =>
      `<Style id="tech-${tech}"><IconStyle><color>${kmlColor(TECH_COLORS[tech])}</color><Icon><href>${PIN_ICON}</href></Icon></IconStyle>` +
      `<LabelStyle><scale>0.9</scale></LabelStyle></Style>`,
  );
  const hidden = `<Style id="${HIDDEN_STYLE}"><IconStyle><scale>0</scale></IconStyle><LabelStyle><scale>0</scale></LabelStyle></Style>`;
  return [...techStyles, hidden].map((s) => `    ${s}`).join('\n');
}

const fieldText = (cell: Cell, field: SiteField): string => {
  const value = cell[field];
  return value === null ? '' : String(value);
};

function describe(cells: readonly Cell[]): string {
  const first = cells[0]!;
  const head = `<p><b>${html(first.name)}</b><br>${html(first.site_id)} · ${html(first.carrier)} · ${first.lat}, ${first.lon}</p>`;
  const columns = SITE_FIELDS.filter((f) => !['site_id', 'name', 'carrier', 'lon', 'lat'].includes(f));
  const rows = cells.map((c) => `<tr>${columns.map((f) => `<td>${html(fieldText(c, f))}</td>`).join('')}</tr>`);
  return `${head}<table border="1" cellpadding="2"><tr>${columns.map((f) => `<th>${f}</th>`).join('')}</tr>${rows.join('')}</table>`;
}

function placemark(cell: Cell, name: string, styleId: string, description: string): string {
  const data = SITE_FIELDS.map((f) => `<Data name="${f}"><value>${xml(fieldText(cell, f))}</value></Data>`).join('');
  return [
    '      <Placemark>',
    // Child order as the KML 2.2 schema lists it (description before styleUrl).
    `        <name>${xml(name)}</name>`,
    `        <description>${xml(description)}</description>`,
    `        <styleUrl>#${styleId}</styleUrl>`,
    `        <ExtendedData>${data}</ExtendedData>`,
    `        <Point><coordinates>${cell.lon},${cell.lat}</coordinates></Point>`,
    '      </Placemark>',
  ].join('\n');
}

/** Runs of consecutive cells sharing a site_id. */
function siteRuns(cells: readonly Cell[]): Cell[][] {
  const runs: Cell[][] = [];
  for (const cell of cells) {
    const last = runs[runs.length - 1];
    if (last && last[0]!.site_id === cell.site_id) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

function siteFolder(run: readonly Cell[]): string {
  const pin = run[0]!;
  const pinTech: Tech = run.some((c) => c.tech === '5G') ? '5G' : '4G';
  const placemarks = run.map((cell, i) => {
    if (i === 0) return placemark(cell, cell.name, `tech-${pinTech}`, describe(run));
    // A cell placed away from its site's pin (unusual) gets a pin of its own.
    const underPin = cell.lon === pin.lon && cell.lat === pin.lat;
    const label = `${cell.id} · ${cell.tech} · ${cell.azimuth_deg === null ? 'omni' : `${cell.azimuth_deg}°`}`;
    return placemark(cell, label, underPin ? HIDDEN_STYLE : `tech-${cell.tech}`, describe([cell]));
  });
  return [`    <Folder>`, `      <name>${xml(`${pin.name} (${pin.site_id})`)}</name>`, ...placemarks, `    </Folder>`].join('\n');
}

/** KML 2.2 text for canonical cells: a Document named after the scenario. */
export function writeCandidatesKml(cells: readonly Cell[], meta: { areaName: string; scenarioName: string }): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<kml xmlns="http://www.opengis.net/kml/2.2">',
    '  <Document>',
    `    <name>${xml(meta.scenarioName)}</name>`,
    `    <description>${xml(`${meta.areaName}: ${cells.length} candidate cells`)}</description>`,
    styles(),
    ...siteRuns(cells).map(siteFolder),
    '  </Document>',
    '</kml>',
    '',
  ].join('\n');
}

/** The browser's parser; null where there is none (Node without an injected parser). */
export function browserParseXml(): ParseXml | null {
  if (typeof DOMParser === 'undefined') return null;
  return (text) => new DOMParser().parseFromString(text, 'application/xml');
}

function parseDocument(text: string, fp: FileProblems, parseXml: ParseXml): Document | null {
  let doc: Document;
  try {
    doc = parseXml(text);
  } catch (err) {
    fp.error(null, null, `is not well-formed XML (${err instanceof Error ? err.message : String(err)}); expected a KML 2.2 document`);
    return null;
  }
  // Browsers report malformed XML as a <parsererror> element instead of throwing.
  const parserError = doc.getElementsByTagName('parsererror')[0];
  if (parserError) {
    // Chromium puts the message in a <div> between headings; Firefox on the first line.
    const detail = (parserError.getElementsByTagName('div')[0]?.textContent ?? parserError.textContent ?? '').trim().split('\n')[0] ?? '';
    fp.error(null, null, `is not well-formed XML (${detail}); expected a KML 2.2 document`);
    return null;
  }
  const root = doc.documentElement;
  if (!root || root.localName !== 'kml') {
    fp.error(null, null, `has a <${root?.localName ?? 'nothing'}> root element; expected a KML document (<kml>)`);
    return null;
  }
  return doc;
}

/**
 * Cells from KML text, read as sites.csv rows by the package's own rules; null when it
 * has errors. Placemarks are labelled `placemark N`, N counting from 1 in document order.
 */
export function readCandidatesKml(text: string, fp: FileProblems, parseXml: ParseXml): Cell[] | null {
  const errorsBefore = fp.errorCount;
  const doc = parseDocument(text, fp, parseXml);
  if (!doc) return null;
  // togeojson yields the Placemarks first, in document order, then any overlays and links.
  const placemarkCount = doc.getElementsByTagName('Placemark').length;
  const features = kml(doc).features;
  const others = features.length - placemarkCount;
  if (others > 0) fp.warn(null, null, `${others} ground overlays or network links ignored; expected Placemarks`);
  const records: { where: string; values: Record<string, unknown> }[] = [];
  features.slice(0, placemarkCount).forEach((feature, i) => {
    const where = `placemark ${i + 1}`;
    const geometry = feature.geometry;
    if (!geometry) return fp.error(where, 'geometry', 'missing; expected a Point');
    if (geometry.type !== 'Point') return fp.error(where, 'geometry', `got a ${geometry.type}; expected a Point`);
    const [lon, lat] = geometry.coordinates;
    if (lon === undefined || lat === undefined) return fp.error(where, 'geometry', 'the Point has no lon,lat coordinates; expected <coordinates>lon,lat</coordinates>');
    const properties: Record<string, unknown> = feature.properties ?? {};
    const values: Record<string, unknown> = Object.fromEntries(SITE_FIELDS.map((f) => [f, properties[f] ?? null]));
    records.push({ where, values: { ...values, lon, lat } });
  });
  const cells = loadSitesRecords(records, fp, null);
  return fp.errorCount > errorsBefore ? null : cells;
}
