// Named planner scenarios: a set of candidate cells for one area. Pure helpers to create,
// copy, rename and name them, and the check applied to whatever comes back from storage
// (a record written by an older version, or corrupted, is refused with a message rather
// than reaching the engine).
import { assertScenarioCell } from '../engine/scenario-cell.ts';
import type { Cell } from '../engine/types.ts';
import type { Lang } from '../i18n/vocab.ts';

export interface Scenario {
  id: string;
  name: string;
  /** The package's area.json id: scenarios belong to one area. */
  areaId: string;
  candidates: Cell[];
  /** ISO 8601 timestamps. */
  createdAt: string;
  updatedAt: string;
}

/** 128 random bits in hex. crypto.getRandomValues, unlike randomUUID, also works on a plain-http LAN address. */
function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The name as it is kept: trimmed, NFC; null when nothing is left. */
export function cleanScenarioName(name: string): string | null {
  const clean = name.trim().normalize('NFC');
  return clean === '' ? null : clean;
}

function requireName(name: string): string {
  const clean = cleanScenarioName(name);
  if (clean === null) throw new RangeError(`scenario name: got ${JSON.stringify(name)}; expected some text`);
  return clean;
}

/** A plain copy: storage cannot clone the UI's reactive proxies, and copies share nothing. */
const copyCells = (cells: readonly Cell[]): Cell[] => cells.map((c) => ({ ...c }));

export function newScenario(areaId: string, name: string, candidates: readonly Cell[] = [], now = new Date()): Scenario {
  const at = now.toISOString();
  return { id: newId(), name: requireName(name), areaId, candidates: copyCells(candidates), createdAt: at, updatedAt: at };
}

/** A new scenario (new id, new timestamps) with a copy of `s`'s candidates. */
export function duplicateScenario(s: Scenario, name: string, now = new Date()): Scenario {
  return newScenario(s.areaId, name, s.candidates, now);
}

export function renameScenario(s: Scenario, name: string, now = new Date()): Scenario {
  return { ...s, name: requireName(name), updatedAt: now.toISOString() };
}

export function withCandidates(s: Scenario, candidates: readonly Cell[], now = new Date()): Scenario {
  return { ...s, candidates: copyCells(candidates), updatedAt: now.toISOString() };
}

const WORDS: Record<Lang, { scenario: string; copy: string }> = {
  vi: { scenario: 'Phương án', copy: 'bản sao' },
  en: { scenario: 'Scenario', copy: 'copy' },
};

/** How names are compared for uniqueness: "phương án 1 " is "Phương án 1". */
const nameKey = (name: string): string => name.trim().normalize('NFC').toLocaleLowerCase('vi');

function firstFree(existing: readonly string[], candidate: (n: number) => string, from: number): string {
  const taken = new Set(existing.map(nameKey));
  for (let n = from; ; n++) {
    const name = candidate(n);
    if (!taken.has(nameKey(name))) return name;
  }
}

/** "Phương án 1" / "Scenario 1", with the smallest number not already in use. */
export function defaultScenarioName(existing: readonly string[], lang: Lang): string {
  return firstFree(existing, (n) => `${WORDS[lang].scenario} ${n}`, 1);
}

/** "Phương án 1 (bản sao)" / "Scenario 1 (copy)", then "(bản sao 2)"… until unused. */
export function copyScenarioName(name: string, existing: readonly string[], lang: Lang): string {
  const word = WORDS[lang].copy;
  return firstFree(existing, (n) => `${name.trim()} (${n === 1 ? word : `${word} ${n}`})`, 1);
}

// ---- Reading back from storage ----

const isText = (v: unknown): v is string => typeof v === 'string';
const isNumberOrNull = (v: unknown): boolean => v === null || (typeof v === 'number' && Number.isFinite(v));

/** What is wrong with a stored candidate beyond what assertScenarioCell checks; null when nothing. */
function cellShapeProblem(c: Record<string, unknown>): string | null {
  for (const field of ['id', 'site_id', 'name', 'carrier'] as const) {
    if (!isText(c[field])) return `${field}: got ${JSON.stringify(c[field]) ?? 'nothing'}; expected text`;
  }
  for (const field of ['lon', 'lat', 'beamwidth_deg'] as const) {
    if (typeof c[field] !== 'number') return `${field}: got ${JSON.stringify(c[field]) ?? 'nothing'}; expected a number`;
  }
  for (const field of ['band_mhz', 'height_m', 'azimuth_deg', 'eirp_dbm', 'range_m'] as const) {
    if (!isNumberOrNull(c[field])) return `${field}: got ${JSON.stringify(c[field]) ?? 'nothing'}; expected a number or null`;
  }
  if (c.status !== 'candidate') return `status: got ${JSON.stringify(c.status) ?? 'nothing'}; expected "candidate"`;
  const year = c.on_air_year;
  if (year !== null && !(typeof year === 'number' && Number.isInteger(year))) return `on_air_year: got ${JSON.stringify(year) ?? 'nothing'}; expected a year or null`;
  return null;
}

/** The stored candidate as a Cell with exactly the Cell's fields, or why it is not one. */
function readCell(value: unknown, index: number): { cell: Cell } | { problem: string } {
  const where = `candidate ${index + 1}`;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { problem: `${where}: expected a cell object` };
  const c = value as Record<string, unknown>;
  const shape = cellShapeProblem(c);
  if (shape) return { problem: `${where} (${isText(c.id) ? c.id : 'no id'}): ${shape}` };
  const cell = {
    id: c.id, site_id: c.site_id, name: c.name, carrier: c.carrier, lon: c.lon, lat: c.lat, tech: c.tech,
    band_mhz: c.band_mhz, height_m: c.height_m, azimuth_deg: c.azimuth_deg, beamwidth_deg: c.beamwidth_deg,
    eirp_dbm: c.eirp_dbm, range_m: c.range_m, status: c.status, on_air_year: c.on_air_year,
  } as Cell;
  try {
    assertScenarioCell(cell);
  } catch (err) {
    return { problem: `${where}: ${err instanceof Error ? err.message : String(err)}` };
  }
  return { cell };
}

const isTimestamp = (v: unknown): v is string => isText(v) && !Number.isNaN(Date.parse(v));

export type ScenarioCheck = { scenario: Scenario } | { problem: string; warning: string };

/**
 * A record as a Scenario (a plain copy with exactly the Scenario's fields), or what is
 * wrong with it: `problem` names the scenario and the field, `warning` says for the UI that
 * a saved record was skipped. A stored record is never changed: a newer version may
 * still read it.
 */
export function readScenario(record: unknown): ScenarioCheck {
  const r = record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
  const label = r ? `scenario ${isText(r.name) ? JSON.stringify(r.name) : '(no name)'}${isText(r.id) ? ` (id ${r.id})` : ''}` : 'scenario';
  const fail = (why: string) => ({ problem: `${label}: ${why}`, warning: `A saved ${label} was skipped: ${why}` });
  if (!r) return fail(`got ${Array.isArray(record) ? 'a list' : JSON.stringify(record) ?? 'nothing'}; expected a scenario record`);
  if (!isText(r.id) || r.id === '') return fail('id: expected a non-empty text');
  if (!isText(r.name) || cleanScenarioName(r.name) === null) return fail('name: expected some text');
  if (!isText(r.areaId)) return fail('areaId: expected text');
  if (!isTimestamp(r.createdAt)) return fail('createdAt: expected a date');
  if (!isTimestamp(r.updatedAt)) return fail('updatedAt: expected a date');
  if (!Array.isArray(r.candidates)) return fail('candidates: expected a list of cells');
  const candidates: Cell[] = [];
  const ids = new Set<string>();
  for (const [i, value] of r.candidates.entries()) {
    const read = readCell(value, i);
    if ('problem' in read) return fail(read.problem);
    if (ids.has(read.cell.id)) return fail(`candidate ${i + 1}: id ${JSON.stringify(read.cell.id)} is used twice; expected unique ids`);
    ids.add(read.cell.id);
    candidates.push(read.cell);
  }
  return { scenario: { id: r.id, name: r.name, areaId: r.areaId, candidates, createdAt: r.createdAt, updatedAt: r.updatedAt } };
}

/** Scenarios of one area, oldest first (ties by id so the order is stable). */
export function byCreation(a: Scenario, b: Scenario): number {
  return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
