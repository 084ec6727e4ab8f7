// A package opened with ?data=: figures equal the Node report, names carrying HTML show
// as text, and a broken or missing package shows the validator's messages.
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import {
  collectErrors,
  expectPanelsShow,
  nodeErrors,
  nodeReport,
  nodeWarnings,
  openLayersTab,
  packageDir,
  renderedCount,
  renderedValues,
  waitForApp,
  waitForIdleMap,
} from './helpers.ts';

const XSS_NAME = 'Xóm <img src=x onerror=alert(1)>';

test('a second package opens from ?data= with the engine figures, its HTML names shown as text', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?data=fixtures/xss/');
  await waitForApp(page);

  const expected = await nodeReport('tests/fixtures/packages/xss', null);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(expected);
  await expectPanelsShow(page, expected);

  // The area name (with a <b> tag) is a heading's text, not markup.
  await expect(page.locator('h1')).toHaveText('Xã Thử <b>Nghiệm</b>');
  await page.getByRole('tab', { name: 'Các xóm' }).click();
  await expect(page.locator('[data-hamlet-id="x1"] th')).toHaveText(XSS_NAME);
  // Drawn from GeoJSON (no prebuilt tiles for this package): the label is the literal name.
  expect(await renderedValues(page, ['hamlet-labels'], 'name')).toContain(XSS_NAME);

  // A popup on the hamlet shows the name as text too.
  const point = await page.evaluate(() => {
    const map = window.__appMap;
    if (!map) return null;
    const p = map.project([105.903, 21.503]);
    return { x: p.x, y: p.y };
  });
  expect(point).not.toBeNull();
  await page.locator('.map canvas').click({ position: point ?? { x: 0, y: 0 } });
  await expect(page.locator('.maplibregl-popup h3')).toHaveText(XSS_NAME);

  // No element came from the data: no <img>, <b>, <i> or <script> anywhere in the page.
  expect(await page.locator('img, b, i, script:not([type="module"])').count()).toBe(0);
  expect(errors).toEqual([]);
});

test.describe('a ?data= package with its own tiles', () => {
  // A copy of xss/ with `npm run build-data -- <dir> --out <dir>/tiles` run on it (git-ignored).
  const dir = packageDir('tests/fixtures/packages/tiled');
  test.beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(packageDir('tests/fixtures/packages/xss'), dir, { recursive: true });
    execFileSync('npx', ['tsx', 'scripts/build-data.ts', dir, '--out', `${dir}/tiles`], { cwd: packageDir(''), stdio: 'pipe' });
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is drawn from them, with the same figures, names and hamlet zoom', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('./?data=fixtures/tiled/');
    await waitForApp(page);
    expect(await page.evaluate(() => window.__app?.report())).toEqual(await nodeReport('tests/fixtures/packages/xss', null));
    // The hamlets come from the package's PMTiles, not from GeoJSON sources.
    const sources = await page.evaluate(() => window.__appMap?.getStyle().sources ?? {});
    expect(sources['package-tiles']).toMatchObject({ type: 'vector' });
    expect(sources['pkg-hamlets']).toBeUndefined();
    expect(await renderedCount(page, ['hamlet-fill'])).toBeGreaterThan(0);
    expect(await renderedValues(page, ['hamlet-labels'], 'name')).toContain(XSS_NAME);
    // The hamlet table's zoom still knows each hamlet's bounds.
    await page.getByRole('tab', { name: 'Các xóm' }).click();
    const zoomBefore = await page.evaluate(() => window.__appMap?.getZoom() ?? 0);
    await page.locator('[data-hamlet-id="x1"] th button').click();
    await expect.poll(() => page.evaluate(() => window.__appMap?.getZoom() ?? 0)).toBeGreaterThan(zoomBefore);
    expect(errors).toEqual([]);
  });
});

test.describe('a ?data= package edited after its tiles were built', () => {
  // The same copy with tiles, then one hamlet renamed in hamlets.geojson (git-ignored).
  const dir = packageDir('tests/fixtures/packages/tiled-stale');
  const RENAMED = 'Xóm Đã Sửa';
  test.beforeAll(() => {
    rmSync(dir, { recursive: true, force: true });
    cpSync(packageDir('tests/fixtures/packages/xss'), dir, { recursive: true });
    execFileSync('npx', ['tsx', 'scripts/build-data.ts', dir, '--out', `${dir}/tiles`], { cwd: packageDir(''), stdio: 'pipe' });
    const hamletsPath = `${dir}/hamlets.geojson`;
    const hamlets = JSON.parse(readFileSync(hamletsPath, 'utf8')) as { features: Array<{ properties: { name: string } }> };
    hamlets.features[0]!.properties.name = RENAMED;
    writeFileSync(hamletsPath, JSON.stringify(hamlets));
  });
  test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('is drawn from its files, not from the stale tiles', async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto('./?data=fixtures/tiled-stale/');
    await waitForApp(page);
    const sources = await page.evaluate(() => window.__appMap?.getStyle().sources ?? {});
    expect(sources['pkg-hamlets']).toMatchObject({ type: 'geojson' });
    expect(sources['package-tiles']).toBeUndefined();
    expect(await renderedValues(page, ['hamlet-labels'], 'name')).toContain(RENAMED);
    expect(errors).toEqual([]);
  });
});

test('a package that opens with validator warnings shows them, and hatches its area-model hamlets', async ({ page }) => {
  await page.goto('./?data=fixtures/xss/');
  await waitForApp(page);
  const warnings = await nodeWarnings('tests/fixtures/packages/xss');
  expect(warnings.length).toBeGreaterThan(0);
  const panel = page.getByTestId('warnings');
  await expect(panel).toContainText(`(${warnings.length})`);
  await panel.locator('summary').click();
  await expect(panel.locator('li')).toHaveText(warnings);

  // Its only population point lies outside every hamlet, so each hamlet is by area.
  await openLayersTab(page);
  await page.locator('input[data-layer="holes"]').check();
  await waitForIdleMap(page);
  const expected = await nodeReport('tests/fixtures/packages/xss', null);
  const partly = expected.hamlets.filter((h) => (h.share.mobile_bb ?? 0) < 1 - 1e-9).map((h) => h.id);
  expect(partly.length).toBeGreaterThan(0);
  expect(await renderedValues(page, ['uniform-hatch'], 'id')).toEqual(partly.sort());
});

test('a broken package lists the validator messages instead of a map', async ({ page }) => {
  const errors = collectErrors(page);
  await page.goto('./?data=fixtures/broken/');
  const panel = page.getByTestId('problems');
  await expect(panel).toBeVisible();
  const expected = await nodeErrors('tests/fixtures/packages/broken');
  expect(expected.length).toBeGreaterThanOrEqual(3);
  await expect(panel.locator('ul').first().locator('li')).toHaveText(expected);
  // ready() rejects with the same message the page shows.
  const rejection = await page.evaluate(() => window.__app?.ready().then(() => 'resolved', (e: Error) => e.message));
  expect(rejection).toBe(expected.join('\n'));
  expect(errors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('a package folder that does not exist says which file is missing', async ({ page }) => {
  await page.goto('./?data=fixtures/no-such-package/');
  const panel = page.getByTestId('problems');
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('area.json');
});
