// The first screen on the bundled sample: Nam Hoà's hamlets drawn and labelled in
// Vietnamese, the sample notice, figures equal to the CLI report, and screenshots.
import { expect, test } from '@playwright/test';
import { collectErrors, expectPanelsShow, nodeReport, renderedValues, waitForApp } from './helpers.ts';

const SAMPLE = 'data/namhoa';

test('the map opens on Nam Hoà with every hamlet drawn and labelled, and the figures of the report', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  const expected = await nodeReport(SAMPLE, null);

  // Every hamlet of the package is drawn at the first view, and labelled with its name.
  expect(await renderedValues(page, ['hamlet-fill'], 'id')).toEqual(expected.hamlets.map((h) => h.id).sort());
  const labels = await renderedValues(page, ['hamlet-labels'], 'name');
  expect(labels.length).toBeGreaterThan(0);
  for (const label of labels) expect(expected.hamlets.map((h) => h.name)).toContain(label);
  // Vietnamese names with their diacritics (NFC), not stripped ASCII.
  expect(labels.some((name) => /[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i.test(name))).toBe(true);
  expect(await renderedValues(page, ['commune-line'], 'name')).toEqual([expected.area.name]);

  await expect(page.getByTestId('sample-notice')).toBeVisible();
  await expect(page.getByTestId('sample-notice')).toHaveText('Dữ liệu minh hoạ — không phải số liệu chính thức');
  await expect(page.locator('h1')).toHaveText(expected.area.name);
  // The first screen lists the hamlets with their population, and the map's colour key.
  await expect(page.getByRole('tab', { name: 'Các xóm' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('[data-testid="hamlet-table"] tbody tr')).toHaveCount(expected.hamlets.length);
  await expect(page.getByTestId('map-legend')).toBeVisible();

  expect(await page.evaluate(() => window.__app?.report())).toEqual(expected);
  await expectPanelsShow(page, expected);

  const [firstPaintMs, settledMs] = await page.evaluate(() =>
    ['map-first-paint', 'map-settled'].map((mark) => performance.getEntriesByName(mark)[0]?.startTime ?? null),
  );
  console.log(
    `map timing from navigation start: first frame with hamlets ${firstPaintMs?.toFixed(0)} ms, ` +
      `first idle (all tiles and labels) ${settledMs?.toFixed(0)} ms`,
  );
  expect(firstPaintMs).not.toBeNull();
  expect(settledMs).not.toBeNull();
  expect(errors).toEqual([]);
});

test('English toggle relabels the interface, not the data', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('tab', { name: 'Targets' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('sample-notice')).toHaveText('Illustrative data — not official figures');
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await expect(page.getByRole('tab', { name: 'Chỉ tiêu' })).toBeVisible();
});

test('hamlet table sorts by a column and a row zooms the map to its hamlet', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  const expected = await nodeReport(SAMPLE, null);
  await page.getByRole('tab', { name: 'Các xóm' }).click();
  const header = page.locator('th', { has: page.getByRole('button', { name: 'Dân số' }) });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const populations = await page.locator('[data-testid="hamlet-table"] tbody tr td:first-of-type').evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-value'))));
  expect(populations).toEqual(expected.hamlets.map((h) => h.population).sort((a, b) => b - a));

  const zoomBefore = await page.evaluate(() => window.__appMap?.getZoom() ?? 0);
  const first = expected.hamlets[0];
  if (!first) throw new Error('sample has no hamlets');
  await page.locator(`[data-hamlet-id="${first.id}"] th button`).click();
  await page.waitForFunction((z) => (window.__appMap?.getZoom() ?? 0) > z + 0.5 && !window.__appMap?.isMoving(), zoomBefore);
  const center = await page.evaluate(() => window.__appMap?.getCenter().toArray());
  const centerIds = await page.evaluate((c) => {
    const map = window.__appMap;
    if (!map || !c) return [];
    return map.queryRenderedFeatures(map.project(c as [number, number]), { layers: ['hamlet-fill'] }).map((f) => f.properties.id);
  }, center);
  expect(centerIds.length).toBeGreaterThan(0);
});

test('screenshots at 1366×768 and on a 390×844 phone', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.screenshot({ path: 'test-results/screenshots/desktop-1366x768.png' });
  await page.getByRole('tab', { name: 'Chỉ tiêu' }).click();
  await page.screenshot({ path: 'test-results/screenshots/desktop-targets-1366x768.png' });
  await page.getByRole('tab', { name: 'Lớp bản đồ' }).click();
  await page.screenshot({ path: 'test-results/screenshots/desktop-layers-1366x768.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  // A fresh start (not a reload, which would reopen the tab chosen above from the URL hash).
  await page.goto('./');
  await waitForApp(page);
  // On a phone the panel starts as a closed bottom sheet, leaving the map visible.
  const handle = page.getByRole('button', { name: 'Mở bảng' });
  await expect(handle).toBeVisible();
  await expect(page.getByTestId('sample-notice')).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/phone-390x844.png' });
  await handle.click();
  await expect(page.getByRole('tab', { name: 'Các xóm' })).toBeInViewport();
  await page.screenshot({ path: 'test-results/screenshots/phone-panel-390x844.png' });
  expect(errors).toEqual([]);
});
