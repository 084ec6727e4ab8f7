// `npm run report -- <data-package-dir> [--year YYYY] [--format json|md|csv] [--lang vi|en] [--as-of YYYY-MM-DD]`
// The scriptable face of the coverage report (docs/report.md): the same loader and engine
// as the app. stdout carries only the report; any failure is one line on stderr with a
// non-zero exit, so scripts can pipe the output and trust it.
import { stat } from 'node:fs/promises';
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { formatProblem, type Problem } from '../src/lib/data/problems.ts';
import { computeReport } from '../src/lib/engine/report.ts';
import type { DataPackage } from '../src/lib/engine/types.ts';
import { formatCsv } from '../src/lib/report/csv.ts';
import { formatJson } from '../src/lib/report/json.ts';
import { formatMarkdown } from '../src/lib/report/markdown.ts';
import { USAGE, parseReportArgs, type ReportArgs } from '../src/lib/report/node/cli-args.ts';

const EXIT_BAD_PACKAGE = 1;
const EXIT_USAGE = 2;

/** Thrown with the one line to print on stderr. */
class ReportFailure extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

function errorText(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
}

async function requireFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => null);
  if (!info) throw new ReportFailure(`${dir}: no such data package folder`, EXIT_BAD_PACKAGE);
  if (!info.isDirectory()) throw new ReportFailure(`${dir}: is not a folder; expected a data package folder`, EXIT_BAD_PACKAGE);
}

async function load(dir: string): Promise<DataPackage> {
  await requireFolder(dir);
  let result: { pkg: DataPackage | null; problems: Problem[] };
  try {
    result = await loadPackage(fsSource(dir));
  } catch (err) {
    throw new ReportFailure(`${dir}: ${errorText(err)}`, EXIT_BAD_PACKAGE);
  }
  const errors = result.problems.filter((p) => p.severity === 'error');
  const [first] = errors;
  if (first) {
    const more = errors.length > 1 ? ` (+${errors.length - 1} more; run npm run validate -- ${dir})` : '';
    throw new ReportFailure(`${formatProblem(first)}${more}`, EXIT_BAD_PACKAGE);
  }
  if (!result.pkg) throw new ReportFailure(`${dir}: the loader returned no package and no error`, EXIT_BAD_PACKAGE);
  // Warnings do not stop the report, but are never silent.
  for (const warning of result.problems) process.stderr.write(`warning: ${formatProblem(warning)}\n`);
  return result.pkg;
}

function render(pkg: DataPackage, args: ReportArgs): string {
  const report = computeReport(pkg, { year: args.year });
  switch (args.format) {
    case 'json':
      return formatJson(report);
    case 'csv':
      return formatCsv(report);
    case 'md':
      return formatMarkdown(report, {
        lang: args.lang,
        asOf: args.asOf,
        hamletCoverageThreshold: pkg.area.hamlet_coverage_threshold,
      });
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const parsed = parseReportArgs(argv);
  if (parsed.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') throw new ReportFailure(parsed.message, EXIT_USAGE);
  const pkg = await load(parsed.args.dir);
  let text: string;
  try {
    text = render(pkg, parsed.args);
  } catch (err) {
    throw new ReportFailure(`${parsed.args.dir}: could not compute the report: ${errorText(err)}`, EXIT_BAD_PACKAGE);
  }
  process.stdout.write(text);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`${errorText(err)}\n`);
  // exitCode rather than exit(): lets pending stdout/stderr writes drain to a pipe.
  process.exitCode = err instanceof ReportFailure ? err.exitCode : EXIT_BAD_PACKAGE;
});
