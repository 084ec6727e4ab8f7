// The sample ships dem.tif: the map draws its hillshade, and selecting a site draws that
// site's terrain-aware predicted signal with a dBm key. Screenshots go to test-results/.
import { expect, test } from '@playwright/test';
import { collectErrors, openLayersTab, waitForApp, waitForIdleMap } from './helpers.ts';

/** Viettel's planned 900 MHz omni cell in Cây Thị (sites.csv VT-CT02): ridges shadow half of its flat-earth disc. */
const SHADOWED_SITE: [number, number] = [105.962827, 21.646579];

test('hillshade of dem.tif, and the selected site’s predicted signal with its dBm legend', async ({ page }, testInfo) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await expect(page.getByTestId('terrain-legend')).toBeVisible();
  await page.waitForFunction(() => window.__appMap?.getLayer('terrain-hillshade') !== undefined);
  await waitForIdleMap(page);
  await page.screenshot({ path: testInfo.outputPath('hillshade.png') });

  // The site is planned for 2027: view the 2030 network so it is drawn.
  await page.evaluate(() => window.__app?.setYear(2030));
  await page.evaluate(([lon, lat]) => window.__appMap?.jumpTo({ center: [lon, lat], zoom: 12.4 }), SHADOWED_SITE);
  await waitForIdleMap(page, { hamlets: false });
  // The site's dot lies under a culture-house icon (the sample puts towers beside them): hide the POIs.
  await openLayersTab(page);
  await page.locator('input[data-layer="pois"]').uncheck();
  await waitForIdleMap(page, { hamlets: false });
  const at = await page.evaluate(([lon, lat]) => window.__appMap!.project([lon, lat]), SHADOWED_SITE);
  await page.locator('.map canvas').click({ position: { x: at.x, y: at.y } });
  await expect(page.getByTestId('signal-legend')).toBeVisible();
  await page.waitForFunction(() => window.__appMap?.getLayer('terrain-signal') !== undefined);
  await waitForIdleMap(page, { hamlets: false });
  await page.keyboard.press('Escape');
  await page.screenshot({ path: testInfo.outputPath('shadowed-site-signal.png') });

  // Turning the layers off removes them from the map.
  await page.getByTestId('terrain-hillshade').uncheck();
  await page.getByTestId('terrain-signal').uncheck();
  await page.waitForFunction(() => !window.__appMap?.getLayer('terrain-hillshade') && !window.__appMap?.getLayer('terrain-signal'));
  expect(errors).toEqual([]);
});
