// The report as one JSON document, with the key order of docs/report.md whatever order
// the object was built in, and nothing beyond the spec's fields.
import { METRICS, type Report } from '../engine/types.ts';

/** The spec-shaped copy of a report: keys area, year, population, metrics, targets, hamlets; shares unrounded. */
function reportDocument(report: Report): Report {
  return {
    area: { id: report.area.id, name: report.area.name, sample: report.area.sample },
    year: report.year,
    population: report.population,
    metrics: Object.fromEntries(METRICS.map((m) => [m, report.metrics[m]])) as Report['metrics'],
    targets: report.targets.map((t) => ({
      id: t.id,
      metric: t.metric,
      op: t.op,
      value: t.value,
      deadline: t.deadline,
      clause: t.clause,
      actual: t.actual,
      met: t.met,
    })),
    hamlets: report.hamlets.map((h) => ({
      id: h.id,
      name: h.name,
      population: h.population,
      share: {
        '4g': h.share['4g'],
        '5g': h.share['5g'],
        mobile_bb: h.share.mobile_bb,
        fiber: h.share.fiber,
        fiber_1g: h.share.fiber_1g,
      },
    })),
  };
}

/** The report as pretty-printed JSON text ending in a newline. */
export function formatJson(report: Report): string {
  return `${JSON.stringify(reportDocument(report), null, 2)}\n`;
}
