// The share link: a link copied from one browser reopens the same picture — view, year,
// selected hamlet and candidate sites — in a fresh browser with no stored scenarios, and
// the figures are the CLI's for the package with those sites; a damaged link opens the
// default view with a visible notice.
import { expect, test, type Page } from '@playwright/test';
import type { Cell } from '../../src/lib/engine/types.ts';
import { cliReportWithSites, collectErrors, nodeReport, waitForApp } from './helpers.ts';

/** Five places in the commune's hills and fields, inside the first view. */
const PLACES: Array<Partial<Cell> & { lon: number; lat: number }> = [
  { lon: 105.962, lat: 21.635 },
  { lon: 105.95, lat: 21.62, tech: '4G', carrier: 'VNPT', azimuth_deg: 90 },
  { lon: 105.94, lat: 21.61, range_m: 1200 },
  { lon: 105.955, lat: 21.645, on_air_year: 2027 },
  { lon: 105.97, lat: 21.615, tech: '4G', carrier: 'VNPT' },
];

async function shownHamlet(page: Page): Promise<string | null> {
  return page.locator('tr[aria-current="true"]').getAttribute('data-hamlet-id', { timeout: 5_000 }).catch(() => null);
}

test('a shared link reopens the view, the hamlet and the candidates in a fresh browser, with the same figures', async ({ page, browser }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  for (const place of PLACES) await page.evaluate((p) => window.__app?.addCandidate(p), place);
  await page.evaluate(() => window.__app?.setYear(2028));
  const row = page.locator('tr[data-hamlet-id]').nth(2);
  const hamletId = await row.getAttribute('data-hamlet-id');
  await row.getByRole('button').click();
  await expect(row).toHaveAttribute('aria-current', 'true');
  await page.evaluate(() => window.__app?.ready());
  // The hamlet's zoom is the map view the link keeps.
  await page.waitForFunction(() => window.__appMap?.isMoving() === false);
  const camera = () => ({ center: window.__appMap?.getCenter().toArray(), zoom: window.__appMap?.getZoom() });
  const sentCamera = await page.evaluate(camera);
  const cells = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(new Set(cells.map((c: Cell) => c.site_id)).size).toBe(5);
  const before = await page.evaluate(() => window.__app?.report());
  expect(before).toEqual(await cliReportWithSites('data/namhoa', cells, 2028));

  // "Copy link" shows the same link as the hook, with its QR code and the proposals note.
  await page.getByTestId('share-open').click();
  const link = await page.evaluate(() => window.__app?.shareUrl() ?? '');
  await expect(page.getByTestId('share-url')).toHaveValue(link);
  await expect(page.getByTestId('share-qr')).toBeVisible();
  await expect(page.getByTestId('share-candidates')).toContainText('5');
  console.log(`Share link for the sample with 5 candidate sites (${cells.length} cells): ${link.length} characters (hash ${new URL(link).hash.length})`);
  // The address follows the candidates too (written 150 ms after the last change).
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(new URL(link).hash);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link);
  await waitForApp(other);
  expect(await other.evaluate(() => window.__app?.candidates())).toEqual(cells);
  expect(await other.evaluate(() => window.__app?.report())).toEqual(before);
  await expect(other.getByTestId('year-select')).toHaveValue('2028');
  await expect(other.getByTestId('link-candidates-notice')).toBeVisible();
  await expect(other.getByTestId('link-candidates-notice')).toContainText('5 trạm đề xuất');
  expect(await shownHamlet(other)).toBe(hamletId);
  const shownCamera = await other.evaluate(camera);
  expect(shownCamera.zoom).toBeCloseTo(sentCamera.zoom ?? 0, 1);
  expect(shownCamera.center?.[0]).toBeCloseTo(sentCamera.center?.[0] ?? 0, 4);
  expect(shownCamera.center?.[1]).toBeCloseTo(sentCamera.center?.[1] ?? 0, 4);
  expect(JSON.stringify(await other.evaluate(() => window.__appMap?.getFilter('hamlet-selected')))).toContain(JSON.stringify(hamletId));
  // The link's scenario is the current one, and the address keeps saying so.
  await expect.poll(() => other.evaluate(() => location.hash)).toBe(new URL(link).hash);
  // Reopening the same link does not pile up copies of the scenario.
  await other.reload();
  await waitForApp(other);
  expect(await other.evaluate(() => window.__app?.report())).toEqual(before);
  await other.getByRole('tab', { name: 'Quy hoạch' }).click();
  await expect(other.locator('option', { hasText: 'Từ đường liên kết' })).toHaveCount(1);
  await fresh.close();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});

test('a garbage, truncated or oversized link opens the default view with a visible notice', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate(() => window.__app?.addCandidate({ lon: 105.962, lat: 21.635 }));
  await page.evaluate(() => window.__app?.setYear(2030));
  const good = new URL(await page.evaluate(() => window.__app?.shareUrl() ?? '')).hash;
  const defaults = await nodeReport('data/namhoa', null);
  const hashes = ['#v2=%%not-a-view%%', good.slice(0, Math.floor(good.length / 2)), `#v2=${'A'.repeat(40_000)}`, '#<img src=x onerror=alert(1)>'];
  for (const hash of hashes) {
    const context = await page.context().browser()?.newContext();
    if (!context) throw new Error('no browser');
    const fresh = await context.newPage();
    const freshErrors = collectErrors(fresh);
    await fresh.goto(`./${hash}`);
    await waitForApp(fresh);
    await expect(fresh.getByTestId('link-problems'), hash.slice(0, 30)).toBeVisible();
    await expect(fresh.getByTestId('link-problems')).toContainText('View link');
    expect(await fresh.evaluate(() => window.__app?.report())).toEqual(defaults);
    await expect(fresh.getByTestId('year-select')).toHaveValue('');
    await expect(fresh.getByRole('tab', { name: 'Các xóm' })).toHaveAttribute('aria-selected', 'true');
    expect(await fresh.locator('img').count()).toBe(0);
    // The notice is also in the console; nothing else is.
    expect(freshErrors.filter((e) => !e.startsWith('console warning: View link'))).toEqual([]);
    await context.close();
  }
  expect(errors).toEqual([]);
});
