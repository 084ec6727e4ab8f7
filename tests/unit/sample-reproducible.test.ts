// The committed sample is exactly what its seeded generator writes, and it validates clean.
// A failure here means data/namhoa/ was edited by hand or the generator changed without
// `npm run make-sample` being re-run (or the generator picked up a clock or an unseeded random).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SAMPLE_DIR = join(ROOT, 'data/namhoa');
/** Generating the sample takes ~4 s on one core; leave room for a loaded machine. */
const SPAWN_TIMEOUT_MS = 120_000;

let work: string;
let generated: string;

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'namhoa-sample-'));
  generated = join(work, 'namhoa');
  const run = spawnSync('npx', ['tsx', 'scripts/make-sample.ts', generated], { cwd: ROOT, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
  expect(run.status, run.stderr).toBe(0);
}, SPAWN_TIMEOUT_MS);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe('data/namhoa', () => {
  it('holds exactly the files scripts/make-sample.ts writes', () => {
    expect(readdirSync(SAMPLE_DIR).sort()).toEqual(readdirSync(generated).sort());
  });

  it('is byte-identical to a fresh run of the generator', () => {
    const differing = readdirSync(generated).filter((file) => !readFileSync(join(generated, file)).equals(readFileSync(join(SAMPLE_DIR, file))));
    expect(differing, 'files that differ from a fresh `npx tsx scripts/make-sample.ts`').toEqual([]);
  });

  it('passes `npm run validate` with 0 errors', () => {
    const run = spawnSync('npm', ['run', 'validate', '--', 'data/namhoa'], { cwd: ROOT, encoding: 'utf8', timeout: SPAWN_TIMEOUT_MS });
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^namhoa: 0 errors, /m);
  }, SPAWN_TIMEOUT_MS);
});
