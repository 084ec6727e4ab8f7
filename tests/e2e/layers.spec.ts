// Each layer of the panel toggles and draws (rendered-feature queries), and the carrier
// filter narrows the coverage layers.
import { expect, test } from '@playwright/test';
import { clickFeature, collectErrors, openLayersTab, renderedCount, renderedValues, waitForApp, waitForIdleMap } from './helpers.ts';

const KEYS = ['hamlets', 'choropleth', 'cov4g', 'cov5g', 'fiber', 'sites', 'fiberNet', 'pois', 'holes', 'speedtests'];

async function layersOf(page: import('@playwright/test').Page, key: string): Promise<string[]> {
  return page.evaluate(
    (key) => (window.__appMap?.getStyle().layers ?? []).filter((l) => (l.metadata as { key?: string } | undefined)?.key === key).map((l) => l.id),
    key,
  );
}

test('every layer toggles on and off and draws features when on', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await openLayersTab(page);
  for (const key of KEYS) {
    const layers = await layersOf(page, key);
    expect(layers.length, key).toBeGreaterThan(0);
    const box = page.locator(`input[data-layer="${key}"]`);
    await box.check();
    await waitForIdleMap(page, { hamlets: false });
    expect(await renderedCount(page, layers), `${key} drawn when on`).toBeGreaterThan(0);
    await box.uncheck();
    await waitForIdleMap(page, { hamlets: false });
    expect(await renderedCount(page, layers), `${key} hidden when off`).toBe(0);
  }
  expect(errors).toEqual([]);
});

test('the carrier filter shows one carrier’s coverage, or all combined', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await openLayersTab(page);
  await page.locator('input[data-layer="cov4g"]').check();
  await waitForIdleMap(page);
  expect(await renderedValues(page, ['cov-4g-fill'], 'carrier')).toEqual(['all']);
  const carriers = await page.locator('[data-testid="carrier-select"] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== 'all'));
  expect(carriers.length).toBeGreaterThan(0);
  const carrier = carriers[0] ?? '';
  await page.getByTestId('carrier-select').selectOption(carrier);
  await waitForIdleMap(page);
  expect(await renderedValues(page, ['cov-4g-fill'], 'carrier')).toEqual([carrier]);
});

test('the site layer draws a wedge per sector, and a clicked site’s footprints only', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await openLayersTab(page);
  // Priority places can sit on a site; hide them so the click reaches the site.
  await page.locator('input[data-layer="pois"]').uncheck();
  await waitForIdleMap(page);
  const footprintLayers = ['footprint-fill', 'footprint-line-on_air', 'footprint-line-planned', 'footprint-line-candidate'];
  // Every cell's footprint at once hid the hamlets under dozens of circles: none until a click.
  expect(await renderedCount(page, footprintLayers)).toBe(0);
  expect(await renderedCount(page, ['sector-fill'])).toBeGreaterThan(0);

  const site = await clickFeature(page, 'sites');
  expect(site).not.toBeNull();
  const siteId = String(site?.site_id);
  await expect(page.locator('.maplibregl-popup')).toContainText(siteId);
  await waitForIdleMap(page, { hamlets: false });
  expect(await renderedValues(page, footprintLayers, 'site_id')).toEqual([siteId]);

  await page.locator('.maplibregl-popup-close-button').click();
  await waitForIdleMap(page, { hamlets: false });
  expect(await renderedCount(page, footprintLayers)).toBe(0);
  expect(errors).toEqual([]);
});

test('priority-place and speed-test popups word their figures', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await openLayersTab(page);
  await page.locator('input[data-layer="sites"]').uncheck();
  await waitForIdleMap(page);

  const poi = await clickFeature(page, 'pois');
  expect(poi).not.toBeNull();
  const popup = page.locator('.maplibregl-popup');
  await expect(popup.locator('h3')).toHaveText(String(poi?.name));
  await expect(popup.locator('.popup-subtitle')).toHaveText('Điểm ưu tiên');
  // Each technology is said in words, never as a raw true/false or field name.
  await expect(popup.locator('td')).toContainText([/Được phủ|Chưa được phủ/]);
  await expect(popup).not.toContainText(/cov_|true|false/);

  await page.locator('input[data-layer="pois"]').uncheck();
  await page.locator('input[data-layer="speedtests"]').check();
  await waitForIdleMap(page);
  const test = await clickFeature(page, 'speedtests');
  expect(test).not.toBeNull();
  await expect(popup.locator('.popup-subtitle')).toHaveText('Lần đo tốc độ');
  // The time as a person writes it (dd/mm/yyyy hh:mm), not the file's ISO text.
  await expect(popup.locator('tr', { hasText: 'Thời điểm' }).locator('td')).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}( UTC)?$/);
  await expect(popup.locator('h3')).not.toContainText('fiber');
  expect(errors).toEqual([]);
});
