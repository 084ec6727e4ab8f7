// Opening the sample is clean: no failed request (the app asks only for the files the
// package's files.json lists), no console message, and nothing the Content-Security-Policy
// had to block. The policy itself forbids eval and connections to other origins.
import { expect, test, type Page } from '@playwright/test';
import { waitForApp } from './helpers.ts';

/** Everything that went wrong on the page: failed requests, console errors and warnings, CSP violations. */
function watch(page: Page): string[] {
  const seen: string[] = [];
  page.on('requestfailed', (r) => seen.push(`request failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`HTTP ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => seen.push(`pageerror: ${err.message}`));
  return seen;
}

/** CSP violations the page reported, gathered from the start. */
async function recordViolations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = list;
    document.addEventListener('securitypolicyviolation', (e) => list.push(`${e.violatedDirective} blocked ${e.blockedURI}`));
  });
}

test('the sample opens with no failed request, no console message and no CSP violation', async ({ page }) => {
  const seen = watch(page);
  await recordViolations(page);
  await page.goto('./');
  await waitForApp(page);
  // Every tab of the panel, and a year with planned sites: the figures and layers they load.
  for (const name of [/Chỉ tiêu/, /Lớp bản đồ/, /Đo thực tế/, /Các xóm/]) await page.getByRole('tab', { name }).click();
  await page.evaluate(() => window.__app?.setYear(2030));
  await waitForApp(page);
  expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  expect(seen).toEqual([]);
});

test('the policy blocks inline script and requests to another origin, and allows no eval', async ({ page }) => {
  await recordViolations(page);
  await page.goto('./');
  await waitForApp(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  // Scripts only from the app's own files: neither inline nor eval (DevTools' own
  // evaluation is exempt from CSP, so eval is checked in the policy text).
  expect(csp).toMatch(/(^|; )script-src 'self'(;|$)/);
  expect(csp).not.toContain('unsafe-eval');
  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true';
    document.head.append(script);
    const fetched = await fetch('http://127.0.0.2:9/elsewhere.json').then(
      () => 'fetched',
      () => 'refused',
    );
    return { inline: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false, fetched };
  });
  expect(ran).toEqual({ inline: false, fetched: 'refused' });
  const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
  expect(violations).toEqual(['script-src-elem blocked inline', 'connect-src blocked http://127.0.0.2:9/elsewhere.json']);
});
