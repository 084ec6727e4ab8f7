// Accessibility: axe-core finds no serious or critical violation on the map screen, on
// each panel tab, or in the phone layout; and every control can be reached and used from
// the keyboard, with a visible focus.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { waitForApp } from './helpers.ts';

const TABS = ['Các xóm', 'Chỉ tiêu', 'Lớp bản đồ', 'Đo thực tế'];

/** axe's serious and critical violations on the page now, one line per rule and element. */
async function seriousViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1).join(' ').trim() ?? v.help}`));
}

test('no serious or critical axe violation on the map screen and every tab', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  for (const name of TABS) {
    await page.getByRole('tab', { name }).click();
    expect(await seriousViolations(page), `tab ${name}`).toEqual([]);
  }
});

test('no serious or critical axe violation in the phone layout, panel closed and open', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./');
  await waitForApp(page);
  expect(await seriousViolations(page), 'panel closed').toEqual([]);
  await page.getByRole('button', { name: 'Mở bảng' }).click();
  expect(await seriousViolations(page), 'panel open').toEqual([]);
});

/** What has the focus: a short description, and whether a focus ring is drawn round it. */
async function focused(page: Page): Promise<{ what: string; ring: boolean }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', ring: false };
    const style = getComputedStyle(el);
    const ring = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    const name = el.getAttribute('aria-label') ?? el.getAttribute('data-layer') ?? el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30) ?? '';
    return { what: `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${name}`, ring };
  });
}

/** Presses Tab until `match` has the focus (at most `limit` times); every stop must show a ring. */
async function tabTo(page: Page, match: RegExp, limit = 80): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const { what, ring } = await focused(page);
    expect(ring, `focus ring on ${what}`).toBe(true);
    stops.push(what);
    if (match.test(what)) return stops;
  }
  throw new Error(`Tab never reached ${match}; stops: ${stops.join(' | ')}`);
}

test('the keyboard reaches and works every control, with a visible focus ring', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);

  // The map: a labelled, focusable canvas that pans with the arrow keys.
  await tabTo(page, /^region: Bản đồ: phím mũi tên/);
  const before = await page.evaluate(() => window.__appMap!.getCenter().toArray());
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction((b) => {
    const map = window.__appMap!;
    return !map.isMoving() && map.getCenter().lng > b[0]!;
  }, before);

  // The year selector changes the figures from the keyboard.
  await tabTo(page, /^select: year-select/);
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(async () => (await window.__app!.report()).year)).not.toBeNull();

  // Tabs: one Tab stop, arrows move between them.
  await tabTo(page, /^tab: Các xóm/);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Chỉ tiêu' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Chỉ tiêu' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');

  // A hamlet row: Enter zooms the map to it.
  await tabTo(page, /^button: Dân số/);
  await tabTo(page, /^button: Xóm /);
  const zoom = await page.evaluate(() => window.__appMap!.getZoom());
  await page.keyboard.press('Enter');
  await page.waitForFunction((z) => window.__appMap!.getZoom() > z + 0.5 && !window.__appMap!.isMoving(), zoom);

  // Layer toggles: Space switches a layer off and on.
  await page.getByRole('tab', { name: 'Lớp bản đồ' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Lớp bản đồ' })).toHaveAttribute('aria-selected', 'true');
  const toggle = page.locator('input[data-layer="sites"]');
  await tabTo(page, /^input: sites/);
  await expect(toggle).toBeChecked();
  await page.keyboard.press('Space');
  await expect(toggle).not.toBeChecked();
  await expect.poll(() => page.evaluate(() => window.__appMap!.getLayoutProperty('sites', 'visibility'))).toBe('none');
  await page.keyboard.press('Space');
  await expect(toggle).toBeChecked();
});

test('the hamlet table gives the choropleth in words: each figure with its map colour, and which hamlets fall below the threshold', async ({ page }) => {
  await page.goto('./');
  await waitForApp(page);
  const report = await page.evaluate(() => window.__app!.report());
  const cells = await page.locator('[data-testid="hamlet-table"] tbody td.metric').evaluateAll((tds) =>
    tds.map((td) => ({ id: td.closest('tr')?.getAttribute('data-hamlet-id'), text: td.textContent?.trim(), colour: (td.querySelector('.sw') as HTMLElement | null)?.style.background })),
  );
  expect(cells).toHaveLength(report.hamlets.length);
  const below = report.hamlets.filter((h) => h.share['5g'] !== null && h.share['5g'] < 0.9 - 1e-9).map((h) => h.id);
  expect(below.length).toBeGreaterThan(0);
  for (const cell of cells) {
    expect(cell.colour, cell.id ?? '').toMatch(/^rgb/);
    expect(cell.text?.endsWith(', dưới ngưỡng'), cell.id ?? '').toBe(below.includes(cell.id ?? ''));
  }
});
