// The malformed-package corpus (tests/corpus): every case, written to a temp folder, must
// make `npm run validate` exit 1 with a line naming the file, the row or feature and the
// field, and make `npm run report` exit non-zero with one line on stderr and nothing on
// stdout — never a stack trace, never a hang (each case has its own time limit). Both
// commands run in-process (runValidate, runReport): the same code as the scripts, without
// spawning 700 processes. The counts per check are printed at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runValidate } from '../../src/lib/data/node/validate-cli.ts';
import { runReport } from '../../src/lib/report/node/report-cli.ts';
import { writeCase } from '../corpus/corpus.ts';
import type { CorpusCase, Expected } from '../corpus/corpus.ts';
import { generateCorpus } from '../corpus/generate.ts';

const CASES = generateCorpus();
const passedByCheck = new Map<string, number>();
const passedByFile = new Map<string, number>();
let root = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'corpus-'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  const table = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => `  ${String(n).padStart(4)}  ${name}`).join('\n');
  const passed = [...passedByCheck.values()].reduce((a, b) => a + b, 0);
  console.log(`Malformed-package corpus: ${passed} of ${CASES.length} cases rejected as expected\nby check:\n${table(passedByCheck)}\nby file:\n${table(passedByFile)}`);
});

/** The start of the validator's line for a problem: `error: sites.csv row 3, eirp_dbm: `. */
function linePrefix(e: Expected): string {
  const place = [e.file, e.where].filter(Boolean).join(' ');
  return `error: ${e.field ? `${place}, ${e.field}` : place}: `;
}

async function validate(dir: string): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runValidate([dir], { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out, err };
}

async function report(dir: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runReport([dir, '--format', 'json'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('malformed-package corpus', () => {
  it('has at least 200 cases, covering every file of the data package', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    const files = new Set(CASES.map((c) => c.expect.file.replace(/\.crs$/, '')));
    for (const file of ['area.json', 'targets.json', 'hamlets.geojson', 'sites.csv', 'sites.geojson', 'coverage.geojson', 'fiber.geojson', 'population.geojson', 'pois.geojson', 'speedtests.csv', 'population.tif', 'candidates.geojson', 'basemap.pmtiles', 'dem.tif']) {
      expect([file, files.has(file)]).toEqual([file, true]);
    }
    expect(new Set(CASES.map((c) => c.id)).size).toBe(CASES.length);
  });

  it('is the same for the same seed', () => {
    const again = generateCorpus();
    expect(again.map((c) => [c.id, c.expect])).toEqual(CASES.map((c) => [c.id, c.expect]));
  });

  it.each(CASES.map((c): [string, CorpusCase] => [`${c.id}: ${c.description}`, c]))('%s', async (_name, c) => {
    const dir = join(root, c.id);
    writeCase(c, dir);

    const v = await validate(dir);
    expect(v.code).toBe(1);
    expect(v.err).toEqual([]);
    const prefix = linePrefix(c.expect);
    expect(v.out.some((line) => line.startsWith(prefix)), `no line starts with ${JSON.stringify(prefix)}:\n${v.out.join('\n')}`).toBe(true);
    // An exception the loader caught is a bug to fix, not an answer.
    expect(v.out.filter((line) => line.includes('could not be checked'))).toEqual([]);

    const r = await report(dir);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\S+\.(json|geojson|csv|tif|pmtiles|crs)\b/);
    expect(lines[0]).not.toMatch(/\n\s+at |TypeError|RangeError|could not be checked/);

    passedByCheck.set(c.check, (passedByCheck.get(c.check) ?? 0) + 1);
    passedByFile.set(c.expect.file, (passedByFile.get(c.expect.file) ?? 0) + 1);
  }, 30_000);
});
