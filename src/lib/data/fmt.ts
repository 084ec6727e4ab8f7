// How values appear in messages: what was got, next to what was expected.

const MAX_SHOWN = 60;

function clip(text: string): string {
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN - 1)}…` : text;
}

/** A number as a person writes it, with a real minus sign (−90..90). */
export function showNumber(n: number): string {
  return n < 0 ? `−${String(-n)}` : String(n);
}

/** A range `min..max`, e.g. `−90..90`. */
export function showRange(min: number, max: number): string {
  return `${showNumber(min)}..${showNumber(max)}`;
}

/**
 * A value read from a file. CSV cells are text: a cell that reads as a number is shown
 * as that number, anything else in quotes. JSON values are shown as JSON, and a string
 * where a number belongs is marked "(text)" so the cause is visible.
 */
export function showValue(value: unknown, origin: 'csv' | 'json' = 'json'): string {
  if (typeof value === 'string') {
    if (origin === 'csv') return isNumericText(value) ? value : JSON.stringify(clip(value));
    return JSON.stringify(clip(value));
  }
  if (typeof value === 'number') return String(value);
  if (value === undefined) return 'nothing';
  try {
    return clip(JSON.stringify(value) ?? String(value));
  } catch {
    return clip(String(value));
  }
}

/** A JSON type name for messages: "text", "a number", "an array"… */
export function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return 'text';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true/false';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

const NUMERIC = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Plain decimal text such as `-12.5` or `1e3`; not hex, not `Infinity`, not `1,5`. */
export function isNumericText(text: string): boolean {
  return NUMERIC.test(text.trim());
}

/** Thousands separated with commas, for counts in summaries. */
export function showCount(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${showCount(n)} ${n === 1 ? one : many}`;
}
