// Dropped files → layers: zips are opened (fflate), Shapefile parts grouped by base name
// and read with shpjs, KML/KMZ with @tmcw/togeojson (over @xmldom/xmldom, since a worker
// has no DOMParser), CSV with papaparse. Files the package already knows by name
// (area.json, targets.json, dem.tif…) are kept as they are.
import { unzipSync } from 'fflate';
import Papa from 'papaparse';
import { kml } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import { parseShp, parseDbf } from 'shpjs';
import type { Feature, FeatureCollection } from 'geojson';
import { crsFromPrj } from './prj.ts';
import type { Crs } from '../data/crs.ts';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

/** A table of features (vector) or rows (CSV) read from one source file. */
export interface Layer {
  /** Where it came from, e.g. `xom.zip/xom.shp`. */
  source: string;
  kind: 'features' | 'rows';
  features: Feature[];
  rows: Record<string, string>[];
  fields: string[];
  /** The CRS its own files declare (.prj), null when they say nothing. */
  declaredCrs: Crs | null;
  /** The .prj text could not be understood. */
  unknownPrj: string | null;
  /** A GeoJSON file's own `crs` member, when it has one. */
  crsMember?: unknown;
}

/** Bytes kept as they are, under a package file name. */
export interface RawFile {
  source: string;
  bytes: Uint8Array;
}

export interface ReadResult {
  layers: Layer[];
  raw: RawFile[];
  problems: string[];
}

const baseName = (path: string): string => path.split('/').pop() ?? path;
const ext = (path: string): string => /\.([^./]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';
const stem = (path: string): string => path.replace(/\.[^./]+$/, '');
const text = (bytes: Uint8Array, label = 'utf-8'): string => {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
};

function fieldsOf(features: Feature[]): string[] {
  const fields = new Set<string>();
  for (const f of features) for (const k of Object.keys(f.properties ?? {})) fields.add(k);
  return [...fields];
}

function featureLayer(source: string, features: Feature[], declaredCrs: Crs | null = null, unknownPrj: string | null = null): Layer {
  return { source, kind: 'features', features, rows: [], fields: fieldsOf(features), declaredCrs, unknownPrj };
}

/** Expands zips (nested ones too) into plain files named `zip/inner`. */
function expand(files: InputFile[], problems: string[]): InputFile[] {
  const out: InputFile[] = [];
  for (const f of files) {
    const e = ext(f.name);
    if (e !== 'zip' && e !== 'kmz') {
      out.push(f);
      continue;
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(f.bytes);
    } catch (err) {
      problems.push(`error: ${f.name}: is not a readable zip archive (${err instanceof Error ? err.message : String(err)})`);
      continue;
    }
    const inner = Object.entries(entries)
      .filter(([name, bytes]) => !name.endsWith('/') && !/(^|\/)(__MACOSX|\.)/.test(name) && bytes.length > 0)
      .map(([name, bytes]) => ({ name: `${f.name}/${name}`, bytes }));
    if (e === 'kmz') {
      const doc = inner.find((i) => ext(i.name) === 'kml');
      if (doc) out.push(doc);
      else problems.push(`error: ${f.name}: holds no .kml document; expected a KMZ made by Google Earth (doc.kml inside)`);
    } else out.push(...expand(inner, problems));
  }
  return out;
}

function readShapefile(shp: InputFile, parts: Map<string, InputFile>, problems: string[]): Layer | null {
  const s = stem(shp.name);
  const dbf = parts.get(`${s}.dbf`);
  const prj = parts.get(`${s}.prj`);
  const cpg = parts.get(`${s}.cpg`);
  if (!dbf) {
    problems.push(`error: ${shp.name}: the .dbf beside it is missing; expected ${baseName(s)}.dbf with the attributes`);
    return null;
  }
  try {
    const geoms = parseShp(shp.bytes);
    const props = parseDbf(dbf.bytes, cpg ? text(cpg.bytes).trim() : 'utf-8');
    if (geoms.length !== props.length) {
      problems.push(`error: ${shp.name}: ${geoms.length} shapes but ${props.length} rows in ${baseName(s)}.dbf; expected one row per shape`);
      return null;
    }
    const features: Feature[] = geoms.map((geometry, i) => ({ type: 'Feature', geometry, properties: props[i] ?? {} }) as Feature);
    const prjText = prj ? text(prj.bytes) : null;
    const crs = prjText ? crsFromPrj(prjText) : null;
    return featureLayer(shp.name, features, crs, prjText && !crs ? prjText : null);
  } catch (err) {
    problems.push(`error: ${shp.name}: could not be read as a Shapefile (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

function readGeoJson(f: InputFile, problems: string[]): Layer | null {
  let data: unknown;
  try {
    data = JSON.parse(text(f.bytes));
  } catch (err) {
    problems.push(`error: ${f.name}: is not valid JSON (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
  const fc = data as Partial<FeatureCollection> & { crs?: unknown };
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    problems.push(`error: ${f.name}: expected a GeoJSON FeatureCollection`);
    return null;
  }
  return { ...featureLayer(f.name, fc.features), crsMember: fc.crs };
}

function readCsv(f: InputFile, problems: string[]): Layer | null {
  const parsed = Papa.parse<Record<string, string>>(text(f.bytes).replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
  for (const e of parsed.errors.slice(0, 5)) problems.push(`error: ${f.name} row ${(e.row ?? 0) + 1}: ${e.message}`);
  if (parsed.errors.length > 0) return null;
  return { source: f.name, kind: 'rows', features: [], rows: parsed.data, fields: parsed.meta.fields ?? [], declaredCrs: null, unknownPrj: null };
}

function readKml(f: InputFile, problems: string[]): Layer | null {
  try {
    const doc = new DOMParser({ onError: (level, msg) => { if (level === 'fatalError') throw new Error(msg); } }).parseFromString(text(f.bytes), 'text/xml');
    const fc = kml(doc as unknown as Document);
    return featureLayer(f.name, fc.features.filter((x): x is Feature => x.geometry !== null) as Feature[]);
  } catch (err) {
    problems.push(`error: ${f.name}: is not readable KML (${err instanceof Error ? err.message : String(err)})`);
    return null;
  }
}

export type ReadProgress = (done: number, total: number, current: string | null) => void;

/**
 * Reads every file; `onFile` reports progress: files done, total, and the file being read
 * now (null at the end). Said before each file, so a page waiting on one large file names it.
 */
export function readFiles(files: InputFile[], onFile: ReadProgress = () => undefined): ReadResult {
  const problems: string[] = [];
  const all = expand(files, problems);
  const parts = new Map(all.map((f) => [stem(f.name) + '.' + ext(f.name), f]));
  const layers: Layer[] = [];
  const raw: RawFile[] = [];
  all.forEach((f, i) => {
    onFile(i, all.length, f.name);
    const e = ext(f.name);
    let layer: Layer | null = null;
    if (e === 'shp') layer = readShapefile(f, parts, problems);
    else if (e === 'geojson' || (e === 'json' && !/^(area|targets|files)\.json$/i.test(baseName(f.name)))) layer = readGeoJson(f, problems);
    else if (e === 'csv' && baseName(f.name).toLowerCase() !== 'history.csv') layer = readCsv(f, problems);
    else if (e === 'kml') layer = readKml(f, problems);
    else if (['json', 'csv', 'tif', 'tiff', 'pmtiles'].includes(e)) raw.push({ source: f.name, bytes: f.bytes });
    else if (!['dbf', 'prj', 'cpg', 'shx', 'qix', 'sbn', 'sbx', 'qmd', 'crs'].includes(e)) {
      problems.push(`warning: ${f.name}: not a format the importer reads (GeoJSON, CSV, KML/KMZ, zipped Shapefile, GeoTIFF); left out`);
    }
    if (layer) layers.push(layer);
  });
  onFile(all.length, all.length, null);
  return { layers, raw, problems };
}
