// targets.json: the plan's targets as an array of {id, metric, op, value, deadline, clause}.
import { parseDeadline } from '../engine/status.ts';
import { checkRange, RANGES } from '../engine/ranges.ts';
import { METRICS } from '../engine/types.ts';
import type { Metric, Target, TargetOp } from '../engine/types.ts';
import type { FileProblems } from './collector.ts';
import { showValue, typeName } from './fmt.ts';
import { parseJson } from './json.ts';
import { FieldReader } from './values.ts';

const OPS: readonly TargetOp[] = ['>', '>='];
const KNOWN = ['id', 'metric', 'op', 'value', 'deadline', 'clause'];

/** Every metric is a share, so target values are shares too (0.5, not 50). */
export function loadTargets(text: string, fp: FileProblems): Target[] | null {
  const parsed = parseJson(text, fp);
  if (!parsed.ok) return null;
  if (!Array.isArray(parsed.value)) {
    fp.error(null, null, `the file holds ${typeName(parsed.value)}; expected an array of targets`);
    return null;
  }
  const targets: Target[] = [];
  const seen = new Map<string, number>();
  const unknown = new Set<string>();
  let ok = true;
  parsed.value.forEach((item: unknown, i) => {
    // Targets are numbered like features: 0-based position in the array.
    const where = `target ${i}`;
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      fp.error(where, null, `got ${typeName(item)}; expected an object {"id", "metric", "op", "value", "deadline", "clause"}`);
      ok = false;
      return;
    }
    const obj = item as Record<string, unknown>;
    const r = new FieldReader(fp, where, obj, 'json');
    const id = r.id('id', true);
    const metricRaw = r.text('metric', true);
    let metric: Metric | null = null;
    if (metricRaw !== null) {
      if ((METRICS as readonly string[]).includes(metricRaw)) metric = metricRaw as Metric;
      else r.fail('metric', `got ${showValue(metricRaw)}, an unknown metric; expected one of ${METRICS.join(', ')}`);
    }
    const op = r.oneOf('op', OPS, null);
    const value = r.number('value', { required: true, min: 0, max: 1, expect: 'a share in 0..1 (0.5 means 50%)' });
    // Status words (met / overdue) need the quarter's end, so only a quarter is a deadline.
    let deadline = r.text('deadline', true);
    const quarter = deadline === null ? null : parseDeadline(deadline);
    if (deadline !== null && quarter === null) {
      r.fail('deadline', `got ${showValue(deadline)}; expected a quarter such as "2026-Q4"`);
      deadline = null;
    } else if (quarter) {
      const verdict = checkRange(RANGES.year, quarter.year);
      if (verdict?.severity === 'error') {
        r.fail('deadline', `the year ${verdict.message}`);
        deadline = null;
      } else if (verdict) r.warn('deadline', `the year ${verdict.message}`);
    }
    // A share never exceeds 1, so "> 1" can never be met.
    if (op === '>' && value === 1) r.warn('value', 'is 1 with op ">": a share is never above 1, so the target can never be met; expected op ">="');
    const clause = r.text('clause', false) ?? '';
    for (const k of Object.keys(obj)) if (!KNOWN.includes(k)) unknown.add(k);
    if (id !== null) {
      const first = seen.get(id);
      if (first !== undefined) r.fail('id', `${showValue(id)} is also the id of target ${first}; expected unique ids`);
      else seen.set(id, i);
    }
    if (!r.ok || id === null || metric === null || op === null || value === null || deadline === null) {
      ok = false;
      return;
    }
    targets.push({ id, metric, op, value, deadline, clause });
  });
  if (unknown.size) fp.warn(null, null, `unknown ${unknown.size === 1 ? 'property' : 'properties'} ${[...unknown].join(', ')} ignored`);
  return ok ? targets : null;
}
