// `npm run report -- <data-package-dir> [--year YYYY] [--format json|md|csv|html] [--lang vi|en] [--as-of YYYY-MM-DD]`
// The scriptable face of the coverage report (spec/report.md): the same loader and engine
// as the app. stdout carries only the report; any failure is one line on stderr with a
// non-zero exit, so scripts can pipe the output and trust it. The command apart from the
// process, so tests run it in-process (scripts/report.ts is the process around it).
import { readdir, stat } from 'node:fs/promises';
import { loadPackage, type LoadOptions } from '../../data/load-package.ts';
import { fsSource } from '../../data/node/fs-source.ts';
import { formatProblem, type Problem } from '../../data/problems.ts';
import { computeReport } from '../../engine/report.ts';
import type { DataPackage } from '../../engine/types.ts';
import { formatCsv } from '../csv.ts';
import { reportHtml, reportHtmlInput } from '../html.ts';
import { formatJson } from '../json.ts';
import { formatMarkdown } from '../markdown.ts';
import { USAGE, parseReportArgs, type ReportArgs } from './cli-args.ts';

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

async function load(dir: string, io: ReportIo, options: LoadOptions): Promise<DataPackage> {
  await requireFolder(dir);
  let result: { pkg: DataPackage | null; problems: Problem[] };
  try {
    result = await loadPackage(fsSource(dir), options);
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
  for (const warning of result.problems) io.stderr(`warning: ${formatProblem(warning)}\n`);
  return result.pkg;
}

function render(pkg: DataPackage, args: ReportArgs, files: readonly string[]): string {
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
        // Without history.csv there is nothing to compare with: leave the section out.
        history: pkg.history.length > 0 ? pkg.history : undefined,
      });
    case 'html':
      return reportHtml(reportHtmlInput(pkg, report, { lang: args.lang, asOf: args.asOf, year: args.year, files }));
  }
}

async function main(argv: readonly string[], io: ReportIo, options: LoadOptions): Promise<void> {
  const parsed = parseReportArgs(argv);
  if (parsed.kind === 'help') {
    io.stdout(`${USAGE}\n`);
    return;
  }
  if (parsed.kind === 'error') throw new ReportFailure(parsed.message, EXIT_USAGE);
  const pkg = await load(parsed.args.dir, io, options);
  // The html report lists the package's files under its data sources.
  const files = parsed.args.format === 'html' ? (await readdir(parsed.args.dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort() : [];
  let text: string;
  try {
    text = render(pkg, parsed.args, files);
  } catch (err) {
    throw new ReportFailure(`${parsed.args.dir}: could not compute the report: ${errorText(err)}`, EXIT_BAD_PACKAGE);
  }
  io.stdout(text);
}

/** Where the command writes (text as is, line ends included). */
export interface ReportIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * `npm run report -- …` without the process: writes the report, or one line on stderr,
 * and returns the exit code (0; 1 for a bad package; 2 for a bad command line). `options`
 * go to the loader (the command reads the population file on a worker thread).
 */
export async function runReport(argv: readonly string[], io: ReportIo, options: LoadOptions = {}): Promise<number> {
  try {
    await main(argv, io, options);
    return 0;
  } catch (err) {
    io.stderr(`${errorText(err)}\n`);
    return err instanceof ReportFailure ? err.exitCode : EXIT_BAD_PACKAGE;
  }
}
