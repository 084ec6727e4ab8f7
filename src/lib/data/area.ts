// area.json: the package's name, settings and indicators without geometry.
import type { Area, Indicator } from '../engine/types.ts';
import { RANGES } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import { showValue, typeName } from './fmt.ts';
import { parseJson } from './json.ts';
import { FieldReader } from './values.ts';

const KNOWN = ['id', 'name', 'province', 'sample', 'notes', 'hamlet_coverage_threshold', 'indicators'];
export const DEFAULT_THRESHOLD = 0.9;

export function loadArea(text: string, fp: FileProblems): Area | null {
  const parsed = parseJson(text, fp);
  if (!parsed.ok) return null;
  const root = parsed.value;
  if (!root || typeof root !== 'object' || Array.isArray(root)) {
    fp.error(null, null, `the file holds ${typeName(root)}; expected an object such as {"id": "namhoa", "name": "Xã Nam Hoà", …}`);
    return null;
  }
  const obj = root as Record<string, unknown>;
  const r = new FieldReader(fp, null, obj, 'json');
  const id = r.id('id', true);
  const name = r.text('name', true);
  const province = r.text('province', false);
  const notes = r.text('notes', false);
  const sample = r.bool('sample', false);
  const threshold = r.ranged('hamlet_coverage_threshold', RANGES.hamlet_coverage_threshold) ?? DEFAULT_THRESHOLD;
  const indicators = readIndicators(obj.indicators, r);
  const unknown = Object.keys(obj).filter((k) => !KNOWN.includes(k));
  if (unknown.length) fp.warn(null, null, `unknown ${unknown.length === 1 ? 'property' : 'properties'} ${unknown.join(', ')} ignored`);
  if (!r.ok || id === null || name === null || indicators === null) return null;
  return { id, name, province, sample, notes, hamlet_coverage_threshold: threshold, indicators };
}

/**
 * `indicators`: name → a bare number or `{value, as_of}`. Names are stored without the
 * `indicator.` prefix (a key written with it is accepted). Shares (`*_share`) must be
 * in 0..1.
 */
function readIndicators(raw: unknown, r: FieldReader): Record<string, Indicator> | null {
  const out: Record<string, Indicator> = {};
  if (raw === undefined || raw === null) return out;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    r.fail('indicators', `got ${typeName(raw)}; expected an object such as {"ipv6_share": {"value": 0.62, "as_of": "2026-09"}}`);
    return null;
  }
  let ok = true;
  for (const [key, v] of Object.entries(raw as Record<string, unknown>)) {
    const name = key.startsWith('indicator.') ? key.slice('indicator.'.length) : key;
    const field = `indicators.${key}`;
    if (name in out) {
      r.fail(field, `the indicator ${name} is given twice (with and without the "indicator." prefix); expected it once`);
      ok = false;
      continue;
    }
    let value: unknown = v;
    let asOf: string | null = null;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as { value?: unknown; as_of?: unknown };
      value = o.value;
      const extra = Object.keys(o).filter((k) => k !== 'value' && k !== 'as_of');
      if (extra.length) r.warn(field, `unknown ${extra.length === 1 ? 'key' : 'keys'} ${extra.join(', ')} ignored; expected only "value" and "as_of"`);
      if (o.as_of !== undefined && o.as_of !== null) {
        if (typeof o.as_of !== 'string') {
          r.fail(`${field}.as_of`, `got ${showValue(o.as_of)} (${typeName(o.as_of)}); expected a date as text, e.g. "2026-09"`);
          ok = false;
          continue;
        }
        asOf = o.as_of;
      }
    }
    const isShare = name.endsWith('_share');
    const expect = isShare ? 'a share in 0..1 (a number, or {"value": …, "as_of": …})' : 'a number, or {"value": …, "as_of": …}';
    if (typeof value !== 'number' || !Number.isFinite(value) || (isShare && (value < 0 || value > 1))) {
      const fieldName = v && typeof v === 'object' && !Array.isArray(v) ? `${field}.value` : field;
      r.fail(fieldName, `got ${showValue(value)}; expected ${expect}`);
      ok = false;
      continue;
    }
    out[name] = { value, as_of: asOf };
  }
  return ok ? out : null;
}
