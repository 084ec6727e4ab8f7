// Importing a commune's own files in the browser (issue 10): a VN-2000 Shapefile of the
// sample's hamlets, KMZ and CSV give the sample's figures; a broken file keeps the current
// package; the downloaded package validates.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { Report } from '../../src/lib/engine/types.ts';
import { nodeReport, packageDir, waitForApp } from './helpers.ts';

const SAMPLE_OTHERS = ['area.json', 'targets.json', 'coverage.geojson', 'fiber.geojson', 'pois.geojson', 'population.geojson', 'speedtests.csv', 'history.csv'].map(
  (n) => `data/namhoa/${n}`,
);

function expectSameFigures(got: Report, expected: Report): void {
  expect(got.population).toBe(expected.population);
  for (const [metric, value] of Object.entries(expected.metrics)) {
    const actual = got.metrics[metric as keyof Report['metrics']];
    if (value === null) expect(actual, metric).toBeNull();
    else expect(Math.abs((actual ?? NaN) - value), metric).toBeLessThan(0.001); // 0.1 pp
  }
}

async function importFiles(page: Page, urls: string[]): Promise<{ ok: boolean; problems: string[] }> {
  return page.evaluate(async (u) => window.__app!.importFiles!(u), urls);
}

test.describe('import', () => {
  test.beforeEach(async ({ page }) => {
    await page.goto('./');
    await waitForApp(page);
  });

  for (const zip of ['xom_vn2000.zip', 'xom_vn2000_towgs84.zip']) {
    test(`a VN-2000 Shapefile of the hamlets (${zip}) and the sample's other files give the sample's figures`, async ({ page }) => {
      const expected = await nodeReport('data/namhoa', null);
      const result = await importFiles(page, [`fixtures-import/${zip}`, 'data/namhoa/sites.csv', ...SAMPLE_OTHERS]);
      expect(result.problems.filter((p) => p.startsWith('error'))).toEqual([]);
      expect(result.ok).toBe(true);
      expectSameFigures(await page.evaluate(() => window.__app!.report()), expected);
      // The map draws the imported hamlets, not the bundled sample's tiles of the same area.
      await page.waitForFunction(() => (window.__appMap?.querySourceFeatures('pkg-hamlets').length ?? 0) > 0);
      expect(await page.evaluate(() => window.__appMap?.getSource('package-tiles') !== undefined)).toBe(false);
    });
  }

  test('KMZ hamlets and a CSV of sites with Vietnamese headers import', async ({ page }) => {
    const expected = await nodeReport('data/namhoa', null);
    const result = await importFiles(page, ['fixtures-import/hamlets.kmz', 'fixtures-import/tram_bts.csv', ...SAMPLE_OTHERS]);
    expect(result.ok, result.problems.join('\n')).toBe(true);
    expectSameFigures(await page.evaluate(() => window.__app!.report()), expected);
  });

  test('a broken file lists its problems and leaves the current package as it was', async ({ page }) => {
    const before = await page.evaluate(() => window.__app!.report());
    const result = await importFiles(page, ['fixtures-import/broken_hamlets.geojson', 'data/namhoa/sites.csv', ...SAMPLE_OTHERS]);
    expect(result.ok).toBe(false);
    expect(result.problems).toContainEqual(expect.stringMatching(/^error: hamlets\.geojson feature 0, population: .*\(made from broken_hamlets\.geojson\)$/));
    expect(await page.evaluate(() => window.__app!.report())).toEqual(before);
  });

  test('through the dialog: the mapping shows the Vietnamese columns, Apply opens it, the downloaded package validates', async ({ page }) => {
    await page.getByTestId('import-open').click();
    const files = ['tests/fixtures/import/xom_vn2000.zip', 'data/namhoa/sites.csv', ...SAMPLE_OTHERS].map((f) => packageDir(f));
    await page.getByTestId('import-input').setInputFiles(files);
    const plan = page.getByTestId('import-plan');
    await expect(plan).toContainText('xom_vn2000.zip/xom_vn2000.shp');
    await expect(page.getByLabel('name: xom_vn2000.zip/xom_vn2000.shp')).toHaveValue('TEN_XOM');
    await expect(page.getByLabel('population: xom_vn2000.zip/xom_vn2000.shp')).toHaveValue('DAN_SO');
    await expect(page.getByLabel('Hệ tọa độ: xom_vn2000.zip/xom_vn2000.shp')).toHaveValue('VN-2000 / TM-3 106-30');
    // The hamlets are drawn over the open package's hamlets: the same outlines.
    await expect(page.getByTestId('import-preview').locator('path.layer')).toHaveCount(30);
    const { violations } = await new AxeBuilder({ page }).include('[data-testid="import-dialog"]').analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByTestId('import-apply').click();
    await expect(page.getByRole('status').filter({ hasText: 'Đã mở gói dữ liệu vừa nhập.' })).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByTestId('import-download').click();
    const path = await (await download).path();
    const dir = mkdtempSync(join(tmpdir(), 'import-'));
    try {
      for (const [name, bytes] of Object.entries(unzipSync(new Uint8Array(readFileSync(path))))) writeFileSync(join(dir, name), bytes);
      // `npm run validate` exits non-zero on any error.
      execFileSync('npx', ['tsx', 'scripts/validate.ts', dir], { cwd: packageDir(''), stdio: 'pipe' });
      const { pkg } = await loadPackage(fsSource(dir));
      expectSameFigures(computeReport(pkg!, { year: null }), await nodeReport('data/namhoa', null));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
