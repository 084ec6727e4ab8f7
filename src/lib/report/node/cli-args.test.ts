import { describe, expect, it } from 'vitest';
import { parseReportArgs, today, type ParsedArgs } from './cli-args.ts';

const now = new Date(2026, 10, 25, 15, 30); // local time, as the command would see it

function errorOf(parsed: ParsedArgs): string {
  if (parsed.kind !== 'error') throw new Error(`expected an error, got ${parsed.kind}`);
  return parsed.message;
}

describe('parseReportArgs', () => {
  it('defaults to JSON, Vietnamese, on-air cells only, judged today', () => {
    expect(parseReportArgs(['data/namhoa'], now)).toEqual({
      kind: 'run',
      args: { dir: 'data/namhoa', year: null, format: 'json', lang: 'vi', asOf: new Date(Date.UTC(2026, 10, 25)) },
    });
  });

  it('reads every option, in --flag value and --flag=value form', () => {
    const parsed = parseReportArgs(['--year', '2027', 'pkg', '--format=md', '--lang', 'en', '--as-of', '2027-01-01'], now);
    expect(parsed).toEqual({
      kind: 'run',
      args: { dir: 'pkg', year: 2027, format: 'md', lang: 'en', asOf: new Date(Date.UTC(2027, 0, 1)) },
    });
  });

  it('asks for help with --help or -h', () => {
    expect(parseReportArgs(['--help'], now)).toEqual({ kind: 'help' });
    expect(parseReportArgs(['pkg', '-h'], now)).toEqual({ kind: 'help' });
  });

  it('names an unknown option', () => {
    expect(errorOf(parseReportArgs(['pkg', '--yaer', '2027'], now))).toBe('unknown option --yaer; run with --help for usage');
  });

  it('rejects a bad year, format, language or date, naming the flag and the expected form', () => {
    expect(errorOf(parseReportArgs(['pkg', '--year', '27'], now))).toBe(
      '--year: "27" is not a year; expected YYYY, e.g. --year 2027',
    );
    expect(errorOf(parseReportArgs(['pkg', '--year', '2027.5'], now))).toContain('--year: "2027.5"');
    expect(errorOf(parseReportArgs(['pkg', '--format', 'xlsx'], now))).toBe('--format: "xlsx" is not one of json, md, csv, html');
    expect(errorOf(parseReportArgs(['pkg', '--lang', 'fr'], now))).toBe('--lang: "fr" is not one of vi, en');
    expect(errorOf(parseReportArgs(['pkg', '--as-of', '2026-02-30'], now))).toContain('--as-of: "2026-02-30" is not a date');
    expect(errorOf(parseReportArgs(['pkg', '--as-of', '30/12/2026'], now))).toContain('expected YYYY-MM-DD');
  });

  it('rejects a flag without its value or given twice', () => {
    expect(errorOf(parseReportArgs(['pkg', '--year'], now))).toBe('--year needs a value; run with --help for usage');
    expect(errorOf(parseReportArgs(['pkg', '--year', '2027', '--year', '2028'], now))).toContain('--year is given twice');
    expect(errorOf(parseReportArgs(['pkg', '--help=yes'], now))).toContain('--help takes no value');
  });

  it('wants exactly one package folder', () => {
    expect(errorOf(parseReportArgs([], now))).toContain('missing the data package folder');
    expect(errorOf(parseReportArgs(['a', 'b'], now))).toContain('got also: b');
  });

  it('takes today as the local calendar day', () => {
    expect(today(new Date(2026, 11, 31, 23, 59)).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });
});
