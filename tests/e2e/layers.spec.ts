// Each layer of the panel toggles and draws (rendered-feature queries), and the carrier
// filter narrows the coverage layers.
import { expect, test } from '@playwright/test';
import { collectErrors, openLayersTab, renderedCount, renderedValues, waitForApp, waitForIdleMap } from './helpers.ts';

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

test('clicking a site shows its cells in a popup', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  await openLayersTab(page);
  // Priority places can sit on a site; hide them so the click reaches the site.
  await page.locator('input[data-layer="pois"]').uncheck();
  await waitForIdleMap(page);
  const site = await page.evaluate(() => {
    const map = window.__appMap;
    const f = map?.queryRenderedFeatures({ layers: ['sites'] })[0];
    if (!map || !f || f.geometry.type !== 'Point') return null;
    const p = map.project(f.geometry.coordinates as [number, number]);
    return { x: p.x, y: p.y, siteId: String(f.properties.site_id) };
  });
  expect(site).not.toBeNull();
  await page.locator('.map canvas').click({ position: { x: site?.x ?? 0, y: site?.y ?? 0 } });
  await expect(page.locator('.maplibregl-popup')).toContainText(site?.siteId ?? '');
});
