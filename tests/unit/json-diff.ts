// Compares two JSON values and names the first difference by its path, so a golden test
// failure says where the report changed (`$.hamlets[3].share["5g"]`) instead of dumping
// two 10 kB documents. Numbers may differ by an absolute tolerance (float noise from a
// harmless reordering of sums); everything else must match exactly.

export interface JsonDifference {
  /** JSONPath-like location, e.g. `$.metrics["pop_share.4g"]`. */
  path: string;
  expected: unknown;
  actual: unknown;
  reason: string;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** The first place where `actual` differs from `expected` (numbers within `toleranceAbs`), or null when they match. Object key order is ignored; array order is not. */
export function firstJsonDifference(expected: unknown, actual: unknown, toleranceAbs: number, path = '$'): JsonDifference | null {
  const at = (reason: string): JsonDifference => ({ path, expected, actual, reason });
  const [kindExpected, kindActual] = [kind(expected), kind(actual)];
  if (kindExpected !== kindActual) return at(`expected ${kindExpected}, got ${kindActual}`);
  if (typeof expected === 'number' && typeof actual === 'number') {
    // Non-finite numbers cannot come from JSON, but a live object may hold them.
    if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Object.is(expected, actual) ? null : at('numbers differ');
    const delta = Math.abs(expected - actual);
    return delta <= toleranceAbs ? null : at(`numbers differ by ${delta} (tolerance ${toleranceAbs})`);
  }
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const common = Math.min(expected.length, actual.length);
    for (let i = 0; i < common; i++) {
      const d = firstJsonDifference(expected[i], actual[i], toleranceAbs, childPath(path, i));
      if (d) return d;
    }
    return expected.length === actual.length ? null : at(`expected ${expected.length} elements, got ${actual.length}`);
  }
  if (kindExpected === 'object') {
    const e = expected as Record<string, unknown>;
    const a = actual as Record<string, unknown>;
    for (const key of Object.keys(e)) {
      if (!Object.hasOwn(a, key)) return { path: childPath(path, key), expected: e[key], actual: undefined, reason: 'key missing' };
      const d = firstJsonDifference(e[key], a[key], toleranceAbs, childPath(path, key));
      if (d) return d;
    }
    const extra = Object.keys(a).find((key) => !Object.hasOwn(e, key));
    return extra === undefined ? null : { path: childPath(path, extra), expected: undefined, actual: a[extra], reason: 'unexpected key' };
  }
  return Object.is(expected, actual) ? null : at('values differ');
}

/** One line for a test failure message. */
export function describeDifference(d: JsonDifference): string {
  const show = (v: unknown): string => {
    if (v === undefined) return 'nothing';
    const text = JSON.stringify(v);
    return text.length > 200 ? `${text.slice(0, 200)}…` : text;
  };
  return `${d.path}: ${d.reason} (expected ${show(d.expected)}, got ${show(d.actual)})`;
}
