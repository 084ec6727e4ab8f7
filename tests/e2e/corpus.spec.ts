// A handful of corpus packages (tests/corpus), one per kind of defect, opened in the app:
// each shows the problems panel naming the file (and row or feature, and field), with no
// page error. They are written into tests/fixtures/packages/corpus/ (git-ignored), which
// the preview server serves at /fixtures/corpus/.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
import { writeCase } from '../corpus/corpus.ts';
import type { CorpusCase } from '../corpus/corpus.ts';
import { generateCorpus } from '../corpus/generate.ts';
import { collectErrors } from './helpers.ts';

const OUT = fileURLToPath(new URL('../fixtures/packages/corpus/', import.meta.url));
const CHECKS = ['missing required file', 'empty file', 'binary file', 'deep nesting', 'truncated file', 'out of range', 'polygon topology', 'raster'];

/** The first case of each check above. */
const CASES: CorpusCase[] = CHECKS.map((check) => {
  const found = generateCorpus().find((c) => c.check === check);
  if (!found) throw new Error(`the corpus has no ${check} case`);
  return found;
});

test.beforeAll(() => {
  rmSync(OUT, { recursive: true, force: true });
  for (const c of CASES) writeCase(c, `${OUT}${c.id}`);
});

test.afterAll(() => rmSync(OUT, { recursive: true, force: true }));

test('corpus packages show the problems panel naming file, place and field, without a page error', async ({ page }) => {
  const errors = collectErrors(page);
  for (const c of CASES) {
    await page.goto(`./?data=fixtures/corpus/${c.id}/`);
    const panel = page.getByTestId('problems');
    await expect(panel, c.description).toBeVisible();
    const { file, where, field } = c.expect;
    const place = [file, where].filter(Boolean).join(' ');
    const prefix = field ? `${place}, ${field}: ` : `${place}: `;
    const lines = await panel.locator('ul').first().locator('li').allTextContents();
    expect(lines.some((line) => line.startsWith(prefix)), `${c.description}: no line starts with ${prefix}\n${lines.join('\n')}`).toBe(true);
    // The file reached the validator: no transport failure stood in for its verdict.
    expect(lines.filter((line) => /could not be read from|could not be checked/.test(line))).toEqual([]);
  }
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});
