import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/chromium.ts';

// The preview server for the tests takes a free port, so `npm test` runs beside an app
// already served by `npm start` (port 4173) or another checkout's tests. Playwright loads
// this file again in each test worker: the port chosen first travels in the environment.
const port = (process.env.E2E_PORT ??= execFileSync(
  process.execPath,
  ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
  { encoding: 'utf8' },
));
const origin = `http://127.0.0.1:${port}`;


export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  timeout: 90_000,
  expect: { timeout: 30_000 },
  workers: 1,
  reporter: [['list']],
  use: { baseURL: origin, viewport: { width: 1366, height: 768 } },
  projects: [
    {
      name: 'chromium',
      use: {
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
      },
    },
  ],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    // Serves tests/fixtures/packages at /fixtures/ (see vite.config.ts).
    env: { SERVE_TEST_FIXTURES: '1' },
    url: origin,
    // Never reuse a server someone else started: it would lack the fixtures above.
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
