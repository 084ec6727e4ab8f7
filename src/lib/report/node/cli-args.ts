// Node-only: the command line of `npm run report`. Kept apart from the formatters so a
// browser bundle that prints a report never pulls in node:util.
import { parseArgs } from 'node:util';
import { LANGS, type Lang } from '../../i18n/vocab.ts';

export type ReportFormat = 'json' | 'md' | 'csv' | 'html';

export interface ReportArgs {
  dir: string;
  /** View the network as of the end of this year; null ⇒ on-air cells only. */
  year: number | null;
  format: ReportFormat;
  lang: Lang;
  /** The day deadlines are judged on (UTC midnight of that calendar day). */
  asOf: Date;
}

export type ParsedArgs = { kind: 'help' } | { kind: 'run'; args: ReportArgs } | { kind: 'error'; message: string };

export const USAGE = `Usage: npm run report -- <data-package-dir> [options]

Prints the coverage report of a data package (docs/report.md).

Options:
  --year YYYY          view the network as of the end of YYYY (on-air cells plus planned
                       cells with on_air_year <= YYYY); default: on-air cells only
  --format json|md|csv|html
                       json: one JSON document (default); md: the human report;
                       csv: one row per hamlet (UTF-8 with BOM, formula-safe);
                       html: the quarterly report as one self-contained page that
                       prints to A4 (save it, open it in a browser, print)
  --lang vi|en         language of the md and html reports (default vi)
  --as-of YYYY-MM-DD   the day deadlines are judged on ("Quá hạn"/overdue once a target's
                       deadline quarter has ended unmet), the report's date and quarter,
                       and the day history.csv's "previous period" is taken before;
                       default: today
  -h, --help           print this help and exit

Exit status: 0 on success; 1 when the package has errors; 2 for a bad command line.`;

const OPTIONS = {
  year: { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  'as-of': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const FORMATS: readonly ReportFormat[] = ['json', 'md', 'csv', 'html'];
const HINT = 'run with --help for usage';

/** Today's calendar day where the command runs, as UTC midnight. */
export function today(now = new Date()): Date {
  return new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate()));
}

/** A command-line mistake; its message is the one line the user sees. */
class UsageError extends Error {}

function fail(message: string): never {
  throw new UsageError(message);
}

function parseYear(text: string): number {
  if (!/^\d{4}$/.test(text)) fail(`--year: "${text}" is not a year; expected YYYY, e.g. --year 2027`);
  return Number(text);
}

function parseDay(text: string): Date {
  const expected = `--as-of: "${text}" is not a date; expected YYYY-MM-DD, e.g. --as-of 2026-12-31`;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) fail(expected);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 2026-02-30 over to March; a real day survives the round trip.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) fail(expected);
  return date;
}

function oneOf<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  return choices.find((c) => c === text) ?? fail(`--${flag}: "${text}" is not one of ${choices.join(', ')}`);
}

function readArgs(argv: readonly string[], now: Date): ParsedArgs {
  // Non-strict parsing with tokens lets us word every mistake ourselves, naming the flag.
  const { tokens } = parseArgs({ args: [...argv], options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  const positionals: string[] = [];
  const values = new Map<string, string>();
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    if (!(token.name in OPTIONS)) fail(`unknown option ${token.rawName}; ${HINT}`);
    if (token.name === 'help') {
      if (token.value !== undefined) fail(`${token.rawName} takes no value; ${HINT}`);
      return { kind: 'help' };
    }
    if (token.value === undefined) fail(`${token.rawName} needs a value; ${HINT}`);
    if (values.has(token.name)) fail(`--${token.name} is given twice; ${HINT}`);
    values.set(token.name, token.value);
  }
  const [dir, ...extra] = positionals;
  if (dir === undefined) fail(`missing the data package folder; ${HINT}`);
  if (extra.length > 0) fail(`expected one data package folder, got also: ${extra.join(' ')}; ${HINT}`);
  const yearText = values.get('year');
  const asOfText = values.get('as-of');
  const args: ReportArgs = {
    dir,
    year: yearText === undefined ? null : parseYear(yearText),
    format: oneOf('format', values.get('format') ?? 'json', FORMATS),
    lang: oneOf('lang', values.get('lang') ?? 'vi', LANGS),
    asOf: asOfText === undefined ? today(now) : parseDay(asOfText),
  };
  return { kind: 'run', args };
}

/** The report command's arguments (after `--`), or the one-line reason they are wrong. */
export function parseReportArgs(argv: readonly string[], now = new Date()): ParsedArgs {
  try {
    return readArgs(argv, now);
  } catch (err) {
    if (err instanceof UsageError) return { kind: 'error', message: err.message };
    throw err;
  }
}
