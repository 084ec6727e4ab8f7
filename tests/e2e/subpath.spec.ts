// The built folder works from a plain static host under any sub-path: every request stays
// under it, the PMTiles arrive through byte ranges, and a shared link keeps the sub-path.
import type { Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { collectErrors, nodeReport, waitForApp } from './helpers.ts';
import { serveStatic } from './static-server.ts';

const SUB_PATH = '/hatang/namhoa/';
let host: { origin: string; server: Server; ranges: string[] };

test.beforeAll(async () => {
  host = await serveStatic('dist', SUB_PATH);
});
test.afterAll(() => new Promise<void>((done) => host.server.close(() => done())));

test('dist/ served under a sub-path opens the sample, reads PMTiles by range, and shares links under that path', async ({ page, browser }) => {
  const errors = collectErrors(page);
  const requests: string[] = [];
  const failed: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
  });
  await page.goto(`${host.origin}${SUB_PATH}`);
  await waitForApp(page);
  expect(await page.evaluate(() => window.__app?.report())).toEqual(await nodeReport('data/namhoa', null));
  expect(failed).toEqual([]);
  const offPath = requests.filter((url) => url.startsWith('http') && !url.startsWith(`${host.origin}${SUB_PATH}`));
  expect(offPath).toEqual([]);
  expect(host.ranges.some((r) => r.startsWith(`${SUB_PATH}tiles/`) && r.includes('.pmtiles'))).toBe(true);

  await page.evaluate(() => window.__app?.addCandidate({ lon: 105.962, lat: 21.635 }));
  const link = await page.evaluate(() => window.__app?.shareUrl() ?? '');
  expect(link.startsWith(`${host.origin}${SUB_PATH}#v2=`)).toBe(true);
  const before = await page.evaluate(() => window.__app?.report());
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const otherErrors = collectErrors(other);
  await other.goto(link);
  await waitForApp(other);
  expect(await other.evaluate(() => window.__app?.report())).toEqual(before);
  await fresh.close();
  expect(errors).toEqual([]);
  expect(otherErrors).toEqual([]);
});
