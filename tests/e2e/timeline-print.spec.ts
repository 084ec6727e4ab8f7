// The timeline's slider gives the figures of `npm run report -- --year Y` for every year,
// the trajectory charts follow; the print view renders the quarterly report, the PDF
// download is a PDF of A4 pages and the map picture a PNG.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { expect, test, type Download } from '@playwright/test';
import { collectErrors, nodeReport, waitForApp } from './helpers.ts';

/** A4 in PostScript points (210 × 297 mm). */
const A4_PT = { width: 595.28, height: 841.89 };

/**
 * The page's errors less one known to come from main, not from this feature: MapLibre
 * fetches the terrain layers' data: URL images, which the CSP's connect-src 'self' blocks
 * (tests/e2e/terrain.spec.ts fails on it too). Drop this filter once terrain-layers.ts is fixed.
 */
function ownErrors(errors: string[]): string[] {
  return errors.filter((e) => !/data:image\/png;base64,/.test(e) || !/(Content Security Policy|AJAXError)/.test(e));
}

async function bytes(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFileSync(path);
}

test("the timeline slider's figures equal the CLI's --year for every year, and the charts draw", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.getByRole('tab', { name: /Chỉ tiêu/ }).click();
  const slider = page.getByTestId('timeline-slider');
  for (const year of [2025, 2026, 2027, 2028, 2029, 2030]) {
    await slider.fill(String(year));
    await expect(page.getByTestId('timeline-year')).toHaveText(String(year));
    await expect(page.getByTestId('year-select')).toHaveValue(String(year));
    await page.evaluate(() => window.__app?.ready());
    const expected = await nodeReport('data/namhoa', year);
    expect(await page.evaluate(() => window.__app?.report())).toEqual(expected);
    // The chart's projected figure for this year is the same as the report's.
    const chart = page.locator('[data-testid="trajectory-chart"][data-target="5g_pop_2026"]');
    const share = expected.metrics['pop_share.5g'] ?? 0;
    await expect(chart.locator(`tr[data-year="${year}"] td.num`)).toHaveText(`${(share * 100).toFixed(1).replace('.', ',')} %`);
  }
  const targets = JSON.parse(readFileSync('data/namhoa/targets.json', 'utf8')) as Array<{ metric: string }>;
  await expect(page.getByTestId('trajectory-chart')).toHaveCount(targets.filter((t) => t.metric.startsWith('pop_share.')).length);
  await page.getByTestId('timeline').screenshot({ path: testInfo.outputPath('timeline.png') });
  expect(ownErrors(errors)).toEqual([]);
});

test('the print view shows the report with the map picture; PDF (A4 pages) and PNG download', async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.getByTestId('open-report').click();
  const report = page.frameLocator('[data-testid="report-frame"]');
  await expect(report.locator('h1')).toContainText('Báo cáo');
  await expect(report.locator('#hamlets tbody tr')).toHaveCount(31);
  await expect(report.locator('figure.map img')).toHaveAttribute('src', /^data:image\/png;base64,/);
  await expect(report.locator('.sample-notice')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('print-view.png') });

  const [png] = await Promise.all([page.waitForEvent('download'), page.getByTestId('png-button').click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  expect((await bytes(png)).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  const [pdfDownload] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('pdf-button').click()]);
  expect(pdfDownload.suggestedFilename()).toMatch(/\.pdf$/);
  const pdf = (await bytes(pdfDownload)).toString('latin1');
  expect(pdf.startsWith('%PDF-')).toBe(true);
  const boxes = [...pdf.matchAll(/\/MediaBox \[([^\]]+)\]/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number));
  expect(boxes.length).toBeGreaterThanOrEqual(2);
  for (const [x0, y0, x1, y1] of boxes) {
    expect([x0, y0]).toEqual([0, 0]);
    expect(x1).toBeCloseTo(A4_PT.width, 0);
    expect(y1).toBeCloseTo(A4_PT.height, 0);
  }
  // The pages as pictures (poppler's pdftoppm), kept with the test's output to look at.
  const pdfPath = testInfo.outputPath('report.pdf');
  await pdfDownload.saveAs(pdfPath);
  execFileSync('pdftoppm', ['-r', '50', '-png', pdfPath, testInfo.outputPath('page')]);
  const pngs = readdirSync(testInfo.outputDir).filter((f) => /^page-\d+\.png$/.test(f));
  expect(pngs).toHaveLength(boxes.length);
  expect(ownErrors(errors)).toEqual([]);
});
