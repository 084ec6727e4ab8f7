// The year selector and __app.setYear give the figures of `npm run report -- --year`.
import { expect, test } from '@playwright/test';
import { clickFeature, collectErrors, expectPanelsShow, nodeReport, waitForApp } from './helpers.ts';

for (const [name, dir, url] of [
  ['sample', 'data/namhoa', './'],
  ['?data= package', 'tests/fixtures/packages/xss', './?data=fixtures/xss/'],
] as const) {
  test(`year changes match the CLI's --year on the ${name}`, async ({ page }) => {
    const errors = collectErrors(page);
    await page.goto(url);
    await waitForApp(page);

    // Through the UI's selector.
    await page.getByTestId('year-select').selectOption('2027');
    await page.evaluate(() => window.__app?.ready());
    const in2027 = await nodeReport(dir, 2027);
    expect(await page.evaluate(() => window.__app?.report())).toEqual(in2027);
    await expectPanelsShow(page, in2027);

    // Through the hook, which the selector then shows.
    await page.evaluate(() => window.__app?.setYear(2030));
    await expect(page.getByTestId('year-select')).toHaveValue('2030');
    expect(await page.evaluate(() => window.__app?.report())).toEqual(await nodeReport(dir, 2030));

    await page.evaluate(() => window.__app?.setYear(null));
    await expect(page.getByTestId('year-select')).toHaveValue('');
    const onAir = await nodeReport(dir, null);
    expect(await page.evaluate(() => window.__app?.report())).toEqual(onAir);
    await expectPanelsShow(page, onAir);
    expect(errors).toEqual([]);
  });
}

test('an open popup closes when the year changes rather than show the old figures', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  // A click at a hamlet's label point opens the popup of whatever lies there (a hamlet or a place on it).
  expect(await clickFeature(page, 'hamlet-labels')).not.toBeNull();
  await expect(page.locator('.maplibregl-popup')).toBeVisible();
  await page.getByTestId('year-select').selectOption('2030');
  await page.evaluate(() => window.__app?.ready());
  await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
});
