// Reading typed fields from one record — a CSV row (all text) or a GeoJSON/JSON object
// (typed values) — with one message per bad field naming the field, what was got and
// what was expected. A reader remembers whether any field failed (`ok`), so the caller
// builds the record only from fully valid input and never emits a half-read row.
import { checkRange, describeRange, RANGES } from '../engine/ranges.ts';
import type { PlausibleRange } from '../engine/ranges.ts';
import type { FileProblems } from './collector.ts';
import { isNumericText, showNumber, showValue, typeName } from './fmt.ts';

export type Origin = 'csv' | 'json';

export interface NumberSpec {
  required?: boolean;
  integer?: boolean;
  /** Inclusive lower bound unless minExclusive. */
  min?: number;
  minExclusive?: boolean;
  /** Inclusive upper bound unless maxExclusive. */
  max?: number;
  maxExclusive?: boolean;
  /** What a valid value is, for messages, e.g. "an integer ≥ 0". Derived when omitted;
   *  a function is called only when a message needs it (a province reads a million values). */
  expect?: string | (() => string);
}

/** "a number > 0", "an integer ≥ 0", "a number in 0..1"… from a spec. */
function describeNumber(spec: NumberSpec): string {
  if (typeof spec.expect === 'function') return spec.expect();
  if (spec.expect) return spec.expect;
  const what = spec.integer ? 'an integer' : 'a number';
  const { min, max } = spec;
  if (min !== undefined && max !== undefined) {
    if (!spec.minExclusive && !spec.maxExclusive) return `${what} in ${showNumber(min)}..${showNumber(max)}`;
    // Interval notation when an end is open: (0, 360].
    return `${what} in ${spec.minExclusive ? '(' : '['}${showNumber(min)}, ${showNumber(max)}${spec.maxExclusive ? ')' : ']'}`;
  }
  if (min !== undefined) return `${what} ${spec.minExclusive ? '>' : '≥'} ${showNumber(min)}`;
  if (max !== undefined) return `${what} ${spec.maxExclusive ? '<' : '≤'} ${showNumber(max)}`;
  return what;
}

export class FieldReader {
  /** False once any field of this record was reported as an error. */
  ok = true;
  /** Names this reader was asked for, to find unknown extra properties. */
  readonly asked = new Set<string>();

  constructor(
    private readonly fp: FileProblems,
    readonly where: string | null,
    private readonly record: Readonly<Record<string, unknown>>,
    readonly origin: Origin,
  ) {}

  fail(field: string | null, message: string): void {
    this.ok = false;
    this.fp.error(this.where, field, message);
  }

  warn(field: string | null, message: string): void {
    this.fp.warn(this.where, field, message);
  }

  private show(value: unknown): string {
    return showValue(value, this.origin);
  }

  /** The raw value; undefined, null and blank text all read as null (empty). */
  raw(name: string): unknown {
    this.asked.add(name);
    const v = this.record[name];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string' && v.trim() === '') return null;
    return typeof v === 'string' ? v.trim() : v;
  }

  has(name: string): boolean {
    return this.raw(name) !== null;
  }

  /**
   * Free text, in NFC. Numbers in JSON are accepted and written as text (a name may be
   * 12). Some tools (macOS among them) save Vietnamese decomposed (NFD): it looks the
   * same, but breaks comparisons and places the map's locally drawn diacritics wrongly.
   * Ids are left exactly as written (the report echoes them).
   */
  text(name: string, required: boolean): string | null {
    const v = this.raw(name);
    if (v === null) {
      if (required) this.fail(name, 'missing; expected text');
      return null;
    }
    if (typeof v === 'string') return v.normalize('NFC');
    if (typeof v === 'number' && Number.isFinite(v)) return String(v);
    this.fail(name, `got ${this.show(v)} (${typeName(v)}); expected text`);
    return null;
  }

  /**
   * An identifier. Ids are text and stay text ("01" is not 1). A JSON integer is
   * accepted and written in decimal (QGIS writes integer ids as numbers), with a warning;
   * anything else is an error.
   */
  id(name: string, required: boolean): string | null {
    const v = this.raw(name);
    if (v === null) {
      if (required) this.fail(name, 'missing; expected an id (text)');
      return null;
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number' && Number.isInteger(v)) {
      this.warn(name, numericIdWarning(v));
      return String(v);
    }
    this.fail(name, `got ${this.show(v)} (${typeName(v)}); expected an id (text)`);
    return null;
  }

  number(name: string, spec: NumberSpec = {}): number | null {
    const v = this.raw(name);
    // Built only for a message: describing a range costs more than reading a valid value.
    const expect = (): string => describeNumber(spec);
    if (v === null) {
      if (spec.required) this.fail(name, `missing; expected ${expect()}`);
      return null;
    }
    let n: number;
    if (typeof v === 'number') n = v;
    else if (typeof v === 'string' && this.origin === 'csv' && isNumericText(v)) n = Number(v);
    else {
      const kind = this.origin === 'csv' ? '' : ` (${typeName(v)})`;
      this.fail(name, `got ${this.show(v)}${kind}; expected ${expect()}`);
      return null;
    }
    if (!Number.isFinite(n)) {
      this.fail(name, `got ${this.show(v)}; expected ${expect()}`);
      return null;
    }
    const tooLow = spec.min !== undefined && (spec.minExclusive ? n <= spec.min : n < spec.min);
    const tooHigh = spec.max !== undefined && (spec.maxExclusive ? n >= spec.max : n > spec.max);
    if ((spec.integer && !Number.isInteger(n)) || tooLow || tooHigh) {
      this.fail(name, `got ${this.show(v)}; expected ${expect()}`);
      return null;
    }
    return n;
  }

  /**
   * A number checked against its plausible range (engine/ranges.ts): an error outside the
   * hard bounds, a warning outside the usual ones.
   */
  ranged(name: string, range: PlausibleRange, required = false): number | null {
    const n = this.number(name, { required, expect: () => describeRange(range) });
    if (n === null) return null;
    const verdict = checkRange(range, n);
    if (verdict?.severity === 'error') {
      this.fail(name, verdict.message);
      return null;
    }
    if (verdict) this.warn(name, verdict.message);
    return n;
  }

  /** One of a fixed set of words; matched exactly (case matters: `4G`, `on_air`). */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T | null): T | null {
    const v = this.raw(name);
    const expect = listWords(allowed);
    if (v === null) {
      if (fallback === null) this.fail(name, `missing; expected ${expect}`);
      return fallback;
    }
    if (typeof v === 'string' && (allowed as readonly string[]).includes(v)) return v as T;
    this.fail(name, `got ${this.show(v)}; expected ${expect}`);
    return null;
  }

  /** true/false. CSV also accepts true/false/yes/no/1/0 in any case. */
  bool(name: string, fallback: boolean): boolean {
    const v = this.raw(name);
    if (v === null) return fallback;
    if (typeof v === 'boolean') return v;
    if (this.origin === 'csv' && typeof v === 'string') {
      const t = v.toLowerCase();
      if (['true', 'yes', '1'].includes(t)) return true;
      if (['false', 'no', '0'].includes(t)) return false;
    }
    this.fail(name, `got ${this.show(v)}; expected true or false`);
    return fallback;
  }

  /** `on_air_year`: an integer year (RANGES.year), or empty. */
  year(name: string): number | null {
    return this.ranged(name, RANGES.year);
  }
}

/** Ids given as JSON numbers are kept (QGIS writes them), but `1` and `"01"` then look alike. */
export function numericIdWarning(id: number): string {
  return `is the number ${id}, read as the text "${id}"; write ids as text (in quotes) so that 1 and "01" stay different`;
}

/** `4G or 5G`, `on_air, planned or candidate`. */
function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} or ${words[words.length - 1]}`;
}
