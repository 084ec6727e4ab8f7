// The planner end to end: a candidate placed with the mouse or through the hook, and
// dragged, gives exactly the figures of `npm run report` on a copy of the package with
// that site on air; the panels show them; undo puts things back.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { cliReportWithSites, collectErrors, expectPanelsShow, pixelOf, waitForApp } from './helpers.ts';

/** In Cây Thị's hills, away from candidate places (no snapping), inside the first view. */
const HILLS = { lon: 105.962, lat: 21.635 };

test('a site placed with the mouse, then dragged, gives the CLI figures of the package with it on air', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.getByRole('tab', { name: 'Quy hoạch' }).click();
  await expect(page.getByTestId('scenario-effect')).toContainText('Chưa có trạm đề xuất');

  await page.getByTestId('add-site').click();
  const at = await pixelOf(page, HILLS.lon, HILLS.lat);
  await page.locator('.map canvas').click({ position: at });
  await page.evaluate(() => window.__app?.ready());
  const placed = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(placed).toHaveLength(1);
  expect(placed[0]).toMatchObject({ tech: '5G', status: 'candidate', band_mhz: 3500, azimuth_deg: null });
  expect(placed[0]?.lon).toBeCloseTo(HILLS.lon, 3);
  const afterAdd = await cliReportWithSites('data/namhoa', placed);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(afterAdd);
  await expect(page.getByTestId('delta-5g')).toContainText('+');
  await page.screenshot({ path: 'test-results/screenshots/planner-add.png' });

  // Drag it with the mouse: the figures follow while dragging, and equal the CLI's at the drop.
  await page.getByTestId('add-site').click(); // leave add mode
  await page.mouse.move(at.x, at.y);
  await page.mouse.down();
  const shownDuringDrag = new Set<string>();
  for (let i = 1; i <= 25; i++) {
    await page.mouse.move(at.x - i * 6, at.y + i * 4);
    await page.waitForTimeout(20);
    shownDuringDrag.add(await page.getByTestId('delta-5g').innerText());
  }
  await page.screenshot({ path: 'test-results/screenshots/planner-drag.png' });
  await page.mouse.up();
  await page.evaluate(() => window.__app?.ready());
  // Figures changed during the drag, not only at the drop.
  expect(shownDuringDrag.size).toBeGreaterThan(1);
  const moved = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(moved[0]?.lon).toBeLessThan(HILLS.lon);
  const afterDrag = await cliReportWithSites('data/namhoa', moved);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(afterDrag);
  await expectPanelsShow(page, afterDrag);

  // Ctrl+Z takes the drag back in one step, Ctrl+Shift+Z redoes it.
  await page.locator('body').press('Control+z');
  await page.evaluate(() => window.__app?.ready());
  expect(await page.evaluate(() => window.__app?.report())).toEqual(afterAdd);
  await page.locator('body').press('Control+Shift+z');
  await page.evaluate(() => window.__app?.ready());
  expect(await page.evaluate(() => window.__app?.report())).toEqual(afterDrag);
  expect(errors).toEqual([]);
});

test('the candidate hooks give the CLI figures, and a bad field is refused with the engine message shown in the form', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  const id = await page.evaluate(() => window.__app?.addCandidate({ lon: 105.962, lat: 21.635, tech: '4G', carrier: 'VNPT', azimuth_deg: 200 }));
  const cells = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(cells).toMatchObject([{ id, tech: '4G', carrier: 'VNPT', azimuth_deg: 200, beamwidth_deg: 65, band_mhz: 1800 }]);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(await cliReportWithSites('data/namhoa', cells));

  await page.evaluate((id) => window.__app?.moveCandidate(id ?? '', 105.95, 21.62), id);
  const moved = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(moved[0]).toMatchObject({ lon: 105.95, lat: 21.62 });
  const afterMove = await cliReportWithSites('data/namhoa', moved, 2026);
  await page.evaluate(() => window.__app?.setYear(2026));
  expect(await page.evaluate(() => window.__app?.report())).toEqual(afterMove);

  const refused = await page.evaluate(() => window.__app?.addCandidate({ lon: 105.95, lat: 21.6, eirp_dbm: 5000 }).then(() => 'added', (e: Error) => e.message));
  expect(refused).toMatch(/eirp_dbm: got 5000 dBm; expected an EIRP in 0..90 dBm/);
  // The form shows the engine's message for a value typed in.
  await page.getByRole('tab', { name: 'Quy hoạch' }).click();
  await page.locator('[data-site-id]').first().click();
  await page.getByTestId('form-eirp').fill('5000');
  await page.getByTestId('form-eirp').blur();
  await expect(page.getByTestId('form-problem')).toContainText('eirp_dbm');
  await expect(page.getByTestId('apply-site')).toBeDisabled();

  await page.evaluate((id) => window.__app?.removeCandidate(id ?? ''), id);
  expect(await page.evaluate(() => window.__app?.candidates())).toEqual([]);
  expect(errors).toEqual([]);
});

test('scenarios survive a reload, export to CSV/GeoJSON/KML and import back as the same candidates, and compare', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.evaluate(async () => {
    await window.__app?.addCandidate({ lon: 105.962, lat: 21.635, name: 'Đồi chè "Cây Thị" & <xóm 5>' });
    await window.__app?.addCandidate({ lon: 105.95, lat: 21.62, tech: '4G', carrier: 'VNPT', azimuth_deg: 90 });
  });
  const cells = await page.evaluate(() => window.__app?.candidates() ?? []);
  await page.getByRole('tab', { name: 'Quy hoạch' }).click();
  await page.getByTestId('scenario-rename').click();
  await page.getByTestId('scenario-name').fill('Phương án đồi chè');
  await page.getByTestId('scenario-name').press('Enter');
  await expect(page.getByTestId('scenario-select')).toContainText('Phương án đồi chè');

  // A reload (a crash would do the same) reopens the scenario from the browser's storage.
  await page.reload();
  await waitForApp(page);
  expect(await page.evaluate(() => window.__app?.candidates())).toEqual(cells);
  const figures = await cliReportWithSites('data/namhoa', cells);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(figures);
  await page.getByRole('tab', { name: 'Quy hoạch' }).click();
  await expect(page.getByTestId('scenario-select').locator('option:checked')).toContainText('Phương án đồi chè');

  // Each export, as downloaded, imports back as a new scenario with the same candidates.
  let scenarioName = 'Phương án đồi chè';
  for (const format of ['csv', 'geojson', 'kml'] as const) {
    await page.getByRole('tab', { name: 'Quy hoạch' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(`export-${format}`).click()]);
    const path = await download.path();
    // Named after the commune and the scenario exported.
    expect(download.suggestedFilename()).toBe(`Xã Nam Hoà – ${scenarioName}.${format}`);
    scenarioName = 'tu-nha-mang';
    expect(readFileSync(path, 'utf8')).toBe(await page.evaluate((f) => window.__app?.exportCandidates(f), format));
    await page.getByTestId('import-file').setInputFiles({ name: `tu-nha-mang.${format}`, mimeType: 'text/plain', buffer: readFileSync(path) });
    await expect(page.getByTestId('scenario-select').locator('option:checked')).toContainText('tu-nha-mang');
    await page.evaluate(() => window.__app?.ready());
    expect(await page.evaluate(() => window.__app?.candidates())).toEqual(cells);
    expect(await page.evaluate(() => window.__app?.report())).toEqual(figures);
  }
  await page.evaluate(() => window.__app?.ready());
  await page.screenshot({ path: 'test-results/screenshots/planner-scenarios.png' });

  // A broken file lists its problems and changes nothing.
  const before = await page.evaluate(() => window.__app?.candidates());
  await page.getByTestId('import-file').setInputFiles({ name: 'hong.csv', mimeType: 'text/csv', buffer: Buffer.from('id,site_id,name,carrier,lon,lat,tech\nX1,X,A,Viettel,200,21,4G\n') });
  await expect(page.getByTestId('import-problems')).toContainText('hong.csv row 1');
  await expect(page.getByTestId('import-problems')).toContainText('lon');
  expect(await page.evaluate(() => window.__app?.candidates())).toEqual(before);

  // Compare with an empty scenario: the table and the places only this one covers.
  await page.getByTestId('scenario-new').click();
  await page.evaluate(() => window.__app?.ready());
  expect(await page.evaluate(() => window.__app?.candidates())).toEqual([]);
  const first = await page.getByTestId('scenario-select').locator('option', { hasText: 'Phương án đồi chè' }).getAttribute('value');
  await page.getByTestId('scenario-select').selectOption(first ?? '');
  await page.evaluate(() => window.__app?.ready());
  const empty = await page.getByTestId('scenario-compare').locator('option', { hasText: 'Phương án 1' }).last().getAttribute('value');
  await page.getByTestId('scenario-compare').selectOption(empty ?? '');
  await expect(page.getByTestId('scenario-compare-view')).toBeVisible();
  await expect(page.locator('[data-testid="scenario-compare-view"] tr.differs').first()).toBeVisible();
  await page.waitForFunction(() => (window.__appMap?.querySourceFeatures('scenario-diff').length ?? 0) > 0);
  await page.screenshot({ path: 'test-results/screenshots/planner-compare.png' });
  expect(errors).toEqual([]);
});

test('suggestions run in the worker, show on the map, and become candidates with the CLI figures', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./');
  await waitForApp(page);
  await page.getByRole('tab', { name: 'Quy hoạch' }).click();
  await page.getByTestId('suggest-count').fill('3');
  await page.getByTestId('suggest-run').click();
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(3);
  await page.waitForFunction(() => (window.__appMap?.querySourceFeatures('suggestions').length ?? 0) === 3);
  await page.screenshot({ path: 'test-results/screenshots/planner-suggest.png' });
  await page.getByTestId('suggest-accept').first().click();
  await expect(page.getByTestId('suggestions').locator('li')).toHaveCount(2);
  await page.evaluate(() => window.__app?.ready());
  const cells = await page.evaluate(() => window.__app?.candidates() ?? []);
  expect(new Set(cells.map((c) => c.site_id)).size).toBe(1);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(await cliReportWithSites('data/namhoa', cells));
  expect(errors).toEqual([]);
});
