// Shared end-to-end helpers: error collection, waiting for the map, and the expected
// figures computed in Node by the same engine the CLI report uses.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { fsSource } from '../../src/lib/data/node/fs-source.ts';
import { loadPackage } from '../../src/lib/data/load-package.ts';
import { formatProblem } from '../../src/lib/data/problems.ts';
import { computeReport } from '../../src/lib/engine/report.ts';
import type { Cell, Report } from '../../src/lib/engine/types.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Folder on disk of a package the app opens: `data/namhoa`, `tests/fixtures/packages/xss`. */
export function packageDir(relative: string): string {
  return `${ROOT}${relative}`;
}

/** The report JSON `npm run report -- <dir> --format json [--year y]` prints. */
export async function nodeReport(relative: string, year: number | null): Promise<Report> {
  const { pkg, problems } = await loadPackage(fsSource(packageDir(relative)));
  if (!pkg) throw new Error(`${relative} does not load:\n${problems.map(formatProblem).join('\n')}`);
  // Through JSON, as the CLI prints it and as the page hands it over.
  return JSON.parse(JSON.stringify(computeReport(pkg, { year }))) as Report;
}

/** The validator's lines of one severity for a package, as the app lists them. */
async function nodeProblems(relative: string, severity: 'error' | 'warning'): Promise<string[]> {
  const { problems } = await loadPackage(fsSource(packageDir(relative)));
  return problems.filter((p) => p.severity === severity).map(formatProblem);
}

export const nodeErrors = (relative: string) => nodeProblems(relative, 'error');
export const nodeWarnings = (relative: string) => nodeProblems(relative, 'warning');

/** Clicks the map at a feature of `layer` (the first rendered one inside the view, away
 *  from the panel edges), and returns that feature's properties; null if none is drawn. */
export async function clickFeature(page: Page, layer: string): Promise<Record<string, unknown> | null> {
  const hit = await page.evaluate((layer) => {
    const map = window.__appMap;
    if (!map) return null;
    const { width, height } = map.getCanvas().getBoundingClientRect();
    for (const f of map.queryRenderedFeatures({ layers: [layer] })) {
      if (f.geometry.type !== 'Point') continue;
      const p = map.project(f.geometry.coordinates as [number, number]);
      if (p.x > 40 && p.y > 40 && p.x < width - 40 && p.y < height - 40) return { x: p.x, y: p.y, props: f.properties as Record<string, unknown> };
    }
    return null;
  }, layer);
  if (!hit) return null;
  await page.locator('.map canvas').click({ position: { x: hit.x, y: hit.y } });
  return hit.props;
}

/** Page errors, console errors and dialogs, collected from the start of the test. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    // A package without files.json has its optional files probed by URL; 404 is the expected
    // "not in this package" (tests/e2e/clean-page.spec.ts holds the sample to zero).
    if (msg.type() === 'error' && !/status of 404 \(Not Found\)/.test(msg.text())) errors.push(`console: ${msg.text()}`);
    if (msg.type() === 'warning') errors.push(`console warning: ${msg.text()}`);
  });
  page.on('dialog', (dialog) => {
    errors.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return errors;
}

/** Waits for the figures, then for the map to be idle with hamlets drawn. */
export async function waitForApp(page: Page): Promise<void> {
  await page.waitForFunction(() => window.__app !== undefined);
  await page.evaluate(() => window.__app?.ready());
  await waitForIdleMap(page);
}

/** Waits until the map has loaded everything for the current view and settled (and,
 *  unless told otherwise, draws hamlets: the first view is not ready without them). */
export async function waitForIdleMap(page: Page, { hamlets = true } = {}): Promise<void> {
  await page.waitForFunction((hamlets) => {
    const map = window.__appMap;
    return (
      map !== undefined &&
      map.loaded() &&
      map.areTilesLoaded() &&
      !map.isMoving() &&
      (!hamlets || map.queryRenderedFeatures({ layers: ['hamlet-fill'] }).length > 0)
    );
  }, hamlets);
  // One more frame so setData/setFilter calls made just now are drawn.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = window.__appMap;
        if (!map) return resolve();
        map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/** Opens the panel tab with the layer list. */
export async function openLayersTab(page: Page): Promise<void> {
  await page.getByRole('tab', { name: /Lớp bản đồ|Map layers/ }).click();
}

/** Distinct values of a property over the features rendered by some layers. */
export async function renderedValues(page: Page, layers: string[], property: string): Promise<string[]> {
  return page.evaluate(
    ({ layers, property }) => {
      const map = window.__appMap;
      if (!map) return [];
      const present = layers.filter((id) => map.getLayer(id));
      const values = map.queryRenderedFeatures({ layers: present }).map((f) => String(f.properties[property]));
      return [...new Set(values)].sort();
    },
    { layers, property },
  );
}

/** How many features some layers render now. */
export async function renderedCount(page: Page, layers: string[]): Promise<number> {
  return page.evaluate((layers) => {
    const map = window.__appMap;
    if (!map) return 0;
    return map.queryRenderedFeatures({ layers: layers.filter((id) => map.getLayer(id)) }).length;
  }, layers);
}

/** The dashboard, hamlet table and metrics show exactly `report`'s figures. */
export async function expectPanelsShow(page: Page, report: Report): Promise<void> {
  const tab = (name: RegExp) => page.getByRole('tab', { name });
  await tab(/Chỉ tiêu|Targets/).click();
  const targets = page.locator('[data-target-id]');
  await expect(targets).toHaveCount(report.targets.length);
  for (const t of report.targets) {
    await expect(page.locator(`[data-target-id="${t.id}"]`)).toHaveAttribute('data-actual', String(t.actual ?? 'null'));
  }
  await tab(/Các xóm|Hamlets/).click();
  const rows = page.locator('[data-testid="hamlet-table"] tbody tr');
  await expect(rows).toHaveCount(report.hamlets.length);
  const shown = await rows.evaluateAll((trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-hamlet-id'),
      name: tr.querySelector('th')?.textContent?.trim(),
      cells: [...tr.querySelectorAll('td')].map((td) => td.getAttribute('data-value')),
    })),
  );
  expect(shown).toEqual(
    report.hamlets.map((h) => ({
      id: h.id,
      name: h.name,
      cells: [h.population, h.share['4g'], h.share['5g'], h.share.mobile_bb, h.share.fiber, h.share.fiber_1g].map((v) => String(v ?? 'null')),
    })),
  );
  await tab(/Lớp bản đồ|Map layers/).click();
  const metrics = await page.locator('[data-testid="metrics-table"] tr').evaluateAll((trs) =>
    Object.fromEntries(trs.map((tr) => [tr.getAttribute('data-metric'), tr.getAttribute('data-value')])),
  );
  expect(metrics).toEqual(Object.fromEntries(Object.entries(report.metrics).map(([k, v]) => [k, String(v ?? 'null')])));
}

/**
 * What `npm run report -- <copy> --format json` prints for a copy of a package whose
 * sites.csv also lists `cells` as on-air sites: the reference for a planner scenario.
 */
export async function cliReportWithSites(relative: string, cells: Cell[], year: number | null = null): Promise<Report> {
  const copy = mkdtempSync(join(tmpdir(), 'planner-'));
  cpSync(packageDir(relative), copy, { recursive: true });
  const columns = ['id', 'site_id', 'name', 'carrier', 'lon', 'lat', 'tech', 'band_mhz', 'height_m', 'azimuth_deg', 'beamwidth_deg', 'eirp_dbm', 'range_m', 'status', 'on_air_year'] as const;
  const rows = cells.map((c) => columns.map((k) => (k === 'status' ? 'on_air' : c[k] === null ? '' : String(c[k]))));
  const sites = join(copy, 'sites.csv');
  const existing = readFileSync(sites, 'utf8');
  // The file's own line ends: a CSV reader takes the first line's as the file's.
  const newline = existing.includes('\r\n') ? '\r\n' : '\n';
  writeFileSync(sites, `${existing.replace(/\r?\n$/, '')}${newline}${Papa.unparse(rows, { newline })}${newline}`);
  const args = ['tsx', 'scripts/report.ts', copy, '--format', 'json', ...(year === null ? [] : ['--year', String(year)])];
  const out = execFileSync('npx', args, { cwd: ROOT, encoding: 'utf8' });
  rmSync(copy, { recursive: true, force: true });
  return JSON.parse(out) as Report;
}

/** The pixel of [lon, lat] on the map canvas. */
export async function pixelOf(page: Page, lon: number, lat: number): Promise<{ x: number; y: number }> {
  return page.evaluate(([lon, lat]) => {
    const p = window.__appMap?.project([lon as number, lat as number]);
    return { x: p?.x ?? 0, y: p?.y ?? 0 };
  }, [lon, lat]);
}
