// Plan targets checked against the computed metrics (spec: data-package.md, Edge rules →
// Targets): whatever the deadline or year, in the order of targets.json.
import { meetsTarget } from './status.ts';
import type { Metric, Target, TargetReport } from './types.ts';

/** Each target with its actual value and whether it is met (null when the actual is unknown). */
export function evaluateTargets(targets: readonly Target[], metrics: Record<Metric, number | null>): TargetReport[] {
  return targets.map((t) => {
    // The loader rejects unknown metrics; a hand-built package must not slip through either.
    if (!Object.hasOwn(metrics, t.metric)) throw new Error(`targets.json target ${t.id}, metric: unknown metric "${t.metric}"`);
    const actual = metrics[t.metric];
    // Field by field, not a spread: the report's key order is docs/report.md's whatever
    // order the target object was built in, and nothing else rides along.
    const { id, metric, op, value, deadline, clause } = t;
    return { id, metric, op, value, deadline, clause, actual, met: actual === null ? null : meetsTarget(actual, op, value) };
  });
}
