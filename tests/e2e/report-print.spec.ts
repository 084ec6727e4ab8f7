// The quarterly report's HTML (what `npm run report -- <dir> --format html` writes) printed
// by the real browser: A4 pages, nothing fetched from outside, no page errors.
import { expect, test } from '@playwright/test';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import { reportHtml, reportHtmlInput } from '../../src/lib/report/html.ts';
import { packageDir } from './helpers.ts';

/** A4 in PostScript points (210 × 297 mm); Chromium rounds to a hundredth. */
const A4_PT = { width: 595.28, height: 841.89 };

async function sampleHtml(lang: 'vi' | 'en'): Promise<string> {
  const { pkg } = await loadPackage(fsSource(packageDir('data/namhoa')));
  if (!pkg) throw new Error('data/namhoa does not load');
  const report = computeReport(pkg, { year: null });
  const files = ['area.json', 'hamlets.geojson', 'history.csv', 'sites.csv', 'targets.json'];
  return reportHtml(reportHtmlInput(pkg, report, { lang, asOf: new Date(Date.UTC(2026, 10, 25)), year: null, files }));
}

/** The MediaBox of every page of a PDF Chromium wrote (its page objects are not compressed). */
function pageBoxes(pdf: Buffer): number[][] {
  const text = pdf.toString('latin1');
  return [...text.matchAll(/\/Type \/Page\b[^]*?\/MediaBox \[([^\]]+)\]/g)].map((m) => (m[1] ?? '').trim().split(/\s+/).map(Number));
}

for (const lang of ['vi', 'en'] as const) {
  test(`the ${lang} report prints to A4 pages with no request and no error`, async ({ page }) => {
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('request', (r) => requests.push(r.url()));
    await page.setContent(await sampleHtml(lang), { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    // Table headers repeat on every page only as real header groups.
    expect(await page.locator('thead').evaluateAll((els) => els.map((el) => getComputedStyle(el).display))).toEqual(
      Array(await page.locator('thead').count()).fill('table-header-group'),
    );
    await expect(page.locator('#hamlets tbody tr')).toHaveCount(31);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const boxes = pageBoxes(pdf);
    expect(boxes.length).toBeGreaterThanOrEqual(2);
    for (const [x0, y0, x1, y1] of boxes) {
      expect(x0).toBe(0);
      expect(y0).toBe(0);
      expect(x1).toBeCloseTo(A4_PT.width, 0);
      expect(y1).toBeCloseTo(A4_PT.height, 0);
    }
    expect(requests.filter((url) => !url.startsWith('data:') && url !== 'about:blank')).toEqual([]);
    expect(errors).toEqual([]);
  });
}
