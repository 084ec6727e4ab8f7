// The view lives in the address's hash: a reload reopens exactly the same view with the
// same figures, and a damaged or foreign link still opens, with defaults.
import { expect, test, type Page } from '@playwright/test';
import { DEFAULT_VIEW, encodeView, type ViewState } from '../../src/lib/state/view-codec.ts';
import { collectErrors, nodeReport, openLayersTab, waitForApp } from './helpers.ts';

/** The view as the page's controls and map show it. */
async function shownView(page: Page) {
  return {
    year: await page.getByTestId('year-select').inputValue(),
    lang: await page.evaluate(() => document.documentElement.lang),
    tab: await page.getByRole('tab', { selected: true }).getAttribute('id'),
    metric: await page.getByTestId('metric-select').inputValue(),
    carrier: await page.getByTestId('carrier-select').inputValue(),
    boxes: await page.locator('input[data-layer]').evaluateAll((inputs) =>
      Object.fromEntries(inputs.map((i) => [i.getAttribute('data-layer'), (i as HTMLInputElement).checked])),
    ),
    map: await page.evaluate(() => {
      const map = window.__appMap;
      return { cov5g: map?.getLayoutProperty('cov-5g-fill', 'visibility'), cov5gFilter: JSON.stringify(map?.getFilter('cov-5g-fill')) };
    }),
  };
}

test('a reload reopens the same view and the same year’s figures', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  const historyLength = await page.evaluate(() => history.length);

  await page.getByTestId('year-select').selectOption('2026');
  await openLayersTab(page);
  await page.getByTestId('metric-select').selectOption('fiber');
  const carriers = await page.locator('[data-testid="carrier-select"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== 'all'));
  const carrier = carriers[0] ?? '';
  expect(carrier).not.toBe('');
  await page.getByTestId('carrier-select').selectOption(carrier);
  await page.locator('input[data-layer="cov5g"]').check();
  await page.locator('input[data-layer="sites"]').uncheck();
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('tab', { name: 'Targets' }).click();
  await page.evaluate(() => window.__app?.ready());

  const view: ViewState = {
    ...DEFAULT_VIEW,
    year: 2026,
    lang: 'en',
    metric: 'fiber',
    carrier,
    layers: { ...DEFAULT_VIEW.layers, cov5g: true, sites: false },
    tab: 'targets',
  };
  // The hash settles on exactly this view, replacing the entry rather than adding ones.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(encodeView(view));
  expect(await page.evaluate(() => history.length)).toBe(historyLength);
  const before = await page.evaluate(() => window.__app?.report());
  expect(before?.year).toBe(2026);
  await openLayersTab(page);
  const shownBefore = await shownView(page);
  await page.getByRole('tab', { name: 'Targets' }).click();
  // The hash is written 150 ms after the last change: reload only once it holds the tab.
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(encodeView(view));

  await page.reload();
  await waitForApp(page);
  const after = await page.evaluate(() => window.__app?.report());
  expect(after?.year).toBe(2026);
  expect(after?.metrics['pop_share.fiber']).toBe(before?.metrics['pop_share.fiber']);
  expect(after).toEqual(before);
  expect(after).toEqual(await nodeReport('data/namhoa', 2026));

  await expect(page.getByRole('tab', { name: 'Targets' })).toHaveAttribute('aria-selected', 'true');
  await openLayersTab(page);
  expect(await shownView(page)).toEqual(shownBefore);
  expect(shownBefore).toMatchObject({ year: '2026', lang: 'en', metric: 'fiber', carrier, map: { cov5g: 'visible' } });
  expect(shownBefore.map.cov5gFilter).toContain(JSON.stringify(carrier));
  expect(shownBefore.boxes).toEqual(view.layers);
  expect(errors).toEqual([]);
});

test('a garbage hash opens the default view, with only a warning, and is cleared', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./#v1=%%not-a-view%%');
  await waitForApp(page);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(await nodeReport('data/namhoa', null));
  await expect(page.getByTestId('year-select')).toHaveValue('');
  await expect(page.getByRole('tab', { name: 'Các xóm' })).toHaveAttribute('aria-selected', 'true');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe('');
  expect(errors).toHaveLength(1);
  expect(errors[0]).toMatch(/^console warning: View link .* is damaged/);
});

test('a link naming a carrier the package lacks keeps the rest and shows all carriers', async ({ page }) => {
  const errors = collectErrors(page);
  const hash = encodeView({ ...DEFAULT_VIEW, year: 2030, carrier: 'NoSuchCarrier', tab: 'targets' });
  await page.goto(`./?data=fixtures/xss/${hash}`);
  await waitForApp(page);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(await nodeReport('tests/fixtures/packages/xss', 2030));
  await expect(page.getByRole('tab', { name: 'Chỉ tiêu' })).toHaveAttribute('aria-selected', 'true');
  await openLayersTab(page);
  await expect(page.getByTestId('carrier-select')).toHaveValue('all');
  // The package stays in the query; the hash now says "all".
  await expect.poll(() => page.evaluate(() => location.search + location.hash)).toBe(`?data=fixtures/xss/${encodeView({ ...DEFAULT_VIEW, year: 2030, tab: 'overview' })}`);
  expect(errors).toEqual([]);
});
