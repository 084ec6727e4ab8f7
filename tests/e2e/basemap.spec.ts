// A package holding basemap.pmtiles (Protomaps schema) is drawn with @protomaps/basemaps
// under its hamlets, labelled in Vietnamese (English after the switch), with nothing
// fetched from anywhere but the app's own server.
import { expect, test, type Page } from '@playwright/test';
import { FIXTURE_PLACE } from '../../scripts/lib/basemap-fixture.ts';
import { collectErrors, renderedCount, waitForApp, waitForIdleMap } from './helpers.ts';

const SCREENSHOT_DIR = 'test-results/screenshots';
/** Basemap layers (ids prefixed in the app's style) the fixture has features for. */
const DRAWN = ['earth', 'water', 'water_river', 'landuse_park', 'landuse_school', 'roads_major', 'roads_minor', 'roads_other', 'buildings'].map((id) => `basemap-${id}`);
const PLACES = 'basemap-places_locality';

/** The text each rendered feature of a symbol layer is drawn with (its evaluated text-field). */
async function renderedLabels(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((layer) => {
    const map = window.__appMap;
    if (!map) return [];
    return map.queryRenderedFeatures({ layers: [layer] }).map((f) => {
      const field = (f.layer.layout as Record<string, unknown> | undefined)?.['text-field'];
      if (typeof field === 'string') return field;
      const sections = (field as { sections?: Array<{ text: string }> } | undefined)?.sections ?? [];
      return sections.map((s) => s.text).join('');
    });
  }, layer);
}

test('a package with basemap.pmtiles draws it offline under the hamlets, labelled in Vietnamese', async ({ page, baseURL }) => {
  const errors = collectErrors(page);
  const origin = new URL(baseURL ?? 'http://127.0.0.1:4173').origin;
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));

  await page.goto('./?data=fixtures/basemap/');
  await waitForApp(page);

  // The basemap's layers sit under the package's: hamlets above every basemap layer.
  const order = await page.evaluate(() => window.__appMap?.getStyle().layers.map((l) => ({ id: l.id, source: 'source' in l ? l.source : null })) ?? []);
  const basemapIds = order.filter((l) => l.source === 'protomaps').map((l) => l.id);
  const index = (id: string) => order.findIndex((l) => l.id === id);
  expect(basemapIds).toEqual(expect.arrayContaining([...DRAWN, PLACES]));
  const lastBasemap = Math.max(...basemapIds.map(index));
  expect(index('hamlet-fill')).toBeGreaterThan(lastBasemap);
  expect(index('hamlet-labels')).toBeGreaterThan(lastBasemap);

  // Each kind of basemap feature is drawn.
  for (const layer of DRAWN) {
    expect(await renderedCount(page, [layer]), layer).toBeGreaterThan(0);
  }

  // The place label reads name:vi, not the local `name` or name:en.
  expect(await renderedLabels(page, PLACES)).toEqual([FIXTURE_PLACE['name:vi']]);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/basemap-1366x768.png` });

  // Switching the language relabels the basemap without rebuilding the map.
  await page.evaluate(() => {
    (window as { __mapBeforeSwitch?: unknown }).__mapBeforeSwitch = window.__appMap;
  });
  await page.locator('button.lang').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await waitForIdleMap(page);
  expect(await page.evaluate(() => (window as { __mapBeforeSwitch?: unknown }).__mapBeforeSwitch === window.__appMap)).toBe(true);
  expect(await renderedLabels(page, PLACES)).toEqual([FIXTURE_PLACE['name:en']]);

  // Offline: every request stayed on the app's server (or never left the page).
  const outside = requests.filter((url) => !url.startsWith(`${origin}/`) && !/^(data|blob):/.test(url));
  expect(outside).toEqual([]);
  // The basemap was actually read, by byte ranges, from the package folder.
  expect(requests).toContain(`${origin}/fixtures/basemap/basemap.pmtiles`);
  expect(errors).toEqual([]);
});
