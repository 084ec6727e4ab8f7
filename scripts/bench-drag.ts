// Planner drag benchmark in headless Chromium (npm run bench:drag [-- --seconds S] [--skip-province] [--skip-commune]):
// a candidate site is dragged with the mouse, a move every 16 ms, over the sample and over
// the engine benchmark's synthetic province (written once to a git-ignored fixture folder,
// with its PMTiles built into its tiles/ folder, as `npm run build-data` does, when missing or stale),
// and the page's "planner-update" measures (move → figures on screen, see AppState) give the
// figure update rate and the latency. Needs `npm run build` first (it serves dist/).
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { loadPackage } from '../src/lib/data/load-package.ts';
import { fsSource } from '../src/lib/data/node/fs-source.ts';
import { computeReport } from '../src/lib/engine/report.ts';
import { PROVINCE_SCALE, syntheticPackage } from './bench/synthetic-package.ts';
import { writePackage } from './bench/write-package.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './lib/chromium.ts';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const PROVINCE_DIR = `${ROOT}tests/fixtures/packages/bench-province`;
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 4) || 4;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function serve(port: number): Promise<ChildProcess> {
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
    cwd: ROOT,
    env: { ...process.env, SERVE_TEST_FIXTURES: '1' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(
      () => true,
      () => false,
    );
    if (up) return server;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('bench:drag: the preview server did not start (run npm run build first)');
}

/**
 * Runs in the page (as source text: the bundler's helpers do not exist there): presses on
 * the site, moves every 16 ms along a circle for `seconds`, collects the
 * page's measures, releases.
 */
const DRAG_IN_PAGE = `({ x, y, seconds }) => new Promise((resolve) => {
  const canvas = window.__appMap.getCanvas();
  const box = canvas.getBoundingClientRect();
  const fire = (type, dx, dy) => canvas.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true,
    clientX: box.left + x + dx, clientY: box.top + y + dy, button: 0, buttons: type === 'mouseup' ? 0 : 1 }));
  fire('mousedown', 0, 0);
  const start = performance.now();
  let moves = 0;
  const step = () => {
    const t = (performance.now() - start) / 1000;
    if (t >= seconds) {
      const live = performance.getEntriesByName('planner-update').map((e) => ({ ms: e.duration, end: e.startTime + e.duration }));
      fire('mouseup', 0, 0);
      resolve({ moves, dragS: t, live });
      return;
    }
    const angle = (t / seconds) * 2 * Math.PI;
    fire('mousemove', 80 * Math.sin(angle), -80 + 80 * Math.cos(angle));
    moves++;
    setTimeout(step, 16);
  };
  setTimeout(step, 16);
})`;

const quantile = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))] ?? Number.NaN;

/** This benchmark's browser processes: the descendants of this Node process (Linux ps). */
function browserPids(): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=']).toString().trim().split('\n');
  const pairs = rows.map((row) => row.trim().split(/\s+/).map(Number) as [number, number]);
  const mine = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, ppid] of pairs) if (mine.has(ppid) && !mine.has(pid)) grew = mine.add(pid) !== undefined;
  }
  mine.delete(process.pid);
  return [...mine];
}

/** The groups browserUse() counts CPU time in; the first three are the page's renderer process. */
const PAGE_GROUPS = ['page main thread', 'page workers', 'page other threads'] as const;

/**
 * CPU time (user + system, ms) used so far by the browser's threads, grouped as the page's
 * main thread, its workers (the engine and the map's tile workers), its other threads, the
 * GPU process (here SwiftShader drawing the map on the CPU) and the rest; and the resident
 * memory of the page's renderer process. Unlike updates per second, CPU time per update
 * barely depends on what else the machine is running. From /proc (Linux).
 */
async function browserUse(): Promise<{ cpuMs: Record<string, number>; rendererRssMB: number }> {
  const cpuMs: Record<string, number> = Object.fromEntries([...PAGE_GROUPS, 'GPU process', 'other'].map((g) => [g, 0]));
  let rssKB = 0;
  for (const pid of browserPids()) {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
    const type = /--type=([a-z-]+)/.exec(cmdline)?.[1] ?? 'browser';
    if (type === 'renderer') rssKB += Number(/VmRSS:\s+(\d+)/.exec(await readFile(`/proc/${pid}/status`, 'utf8').catch(() => ''))?.[1] ?? 0);
    for (const tid of await readdir(`/proc/${pid}/task`).catch(() => [])) {
      const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
      if (!stat) continue;
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // utime and stime, in clock ticks of 10 ms.
      const ms = (Number(fields[11]) + Number(fields[12])) * 10;
      const group =
        type === 'gpu-process'
          ? 'GPU process'
          : type !== 'renderer'
            ? 'other'
            : tid === String(pid)
              ? 'page main thread'
              : name.startsWith('DedicatedWorker')
                ? 'page workers'
                : 'page other threads';
      cpuMs[group] = (cpuMs[group] ?? 0) + ms;
    }
  }
  return { cpuMs, rendererRssMB: rssKB / 1024 };
}

/** CPU time of the page's renderer process (all its threads), ms. */
const pageCpuMs = (cpuMs: Record<string, number>) => PAGE_GROUPS.reduce((sum, g) => sum + (cpuMs[g] ?? 0), 0);

/** Whether the dashboard's figures (before any candidate) equal the CLI report of the package folder. */
async function dashboardEqualsReport(page: Page, dir: string): Promise<boolean> {
  const { pkg } = await loadPackage(fsSource(dir));
  if (!pkg) return false;
  const expected = JSON.parse(JSON.stringify(computeReport(pkg, { year: null }))) as unknown;
  return isDeepStrictEqual(await page.evaluate(() => window.__app?.report()), expected);
}

async function benchDrag(page: Page, name: string, url: string, dir: string | null): Promise<void> {
  const before = await browserUse();
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__app !== undefined);
  await page.evaluate(() => window.__app?.ready());
  const loadS = (Date.now() - t0) / 1000;
  // The page's own measures from the moment it asked for the package (see AppState.open).
  const [openMs, figuresMs] = await page.evaluate(() => ['package-open', 'package-figures'].map((n) => performance.getEntriesByName(n).at(-1)?.duration ?? Number.NaN));
  const heapMB = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20);
  // The JS heap leaves out the engine worker (it runs in the page's renderer process) and the map's buffers.
  const loaded = await browserUse();
  const rendererMB = loaded.rendererRssMB;
  const rendererCpuS = (pageCpuMs(loaded.cpuMs) - pageCpuMs(before.cpuMs)) / 1000;
  if (dir) console.log(`${name}: the dashboard ${(await dashboardEqualsReport(page, dir)) ? 'equals' : 'DIFFERS FROM'} the CLI report`);
  // A 5G candidate at the middle of the view, dragged along a circle around it.
  const centre = await page.evaluate(() => {
    const map = window.__appMap;
    const c = map?.getCenter();
    const { width, height } = map?.getCanvas().getBoundingClientRect() ?? { width: 0, height: 0 };
    return { lon: c?.lng ?? 0, lat: c?.lat ?? 0, x: width / 2, y: height / 2 };
  });
  await page.evaluate(({ lon, lat }) => window.__app?.addCandidate({ lon, lat, tech: '5G' }), centre);
  const at = await page.evaluate(() => {
    const c = window.__app?.candidates()[0];
    const p = c ? window.__appMap?.project([c.lon, c.lat]) : undefined;
    return { x: p?.x ?? 0, y: p?.y ?? 0 };
  });
  await page.waitForFunction(() => (window.__appMap?.queryRenderedFeatures({ layers: ['candidate-sites'] }).length ?? 0) > 0);
  await page.evaluate(() => performance.clearMeasures('planner-update'));
  const dragCpuBefore = (await browserUse()).cpuMs;
  // The pointer is driven inside the page, a move every 16 ms as a 60 Hz mouse reports
  // whatever the page draws, so the figures measure the app, not the test driver's round trips.
  const drag = (await page.evaluate(`(${DRAG_IN_PAGE})(${JSON.stringify({ x: at.x, y: at.y, seconds })})`)) as {
    moves: number;
    dragS: number;
    live: Array<{ ms: number; end: number }>;
  };
  const dragCpuAfter = (await browserUse()).cpuMs;
  await page.evaluate(() => window.__app?.ready());
  const { moves, dragS, live } = drag;
  const updates = new Set(live.map((e) => e.end)).size;
  const cpuPerUpdate = Object.entries(dragCpuAfter)
    .map(([group, ms]) => `${group} ${((ms - (dragCpuBefore[group] ?? 0)) / Math.max(updates, 1)).toFixed(1)}`)
    .join(', ');
  const latencies = live.map((e) => e.ms);
  console.log(
    `${name}: package read, checked and drawn in the worker ${((openMs ?? Number.NaN) / 1000).toFixed(1)} s, figures on screen ${((figuresMs ?? Number.NaN) / 1000).toFixed(1)} s, ` +
      `all done (map overlays too) ${loadS.toFixed(1)} s after navigation, renderer CPU ${rendererCpuS.toFixed(1)} s by then (JS heap ${heapMB.toFixed(0)} MB, renderer process RSS ${rendererMB.toFixed(0)} MB); ${moves} moves in ${dragS.toFixed(1)} s → ` +
      `${(updates / dragS).toFixed(1)} figure updates/s; move → figures p50 ${quantile(latencies, 0.5).toFixed(1)} ms, p95 ${quantile(latencies, 0.95).toFixed(1)} ms; ` +
      `CPU ms per update: ${cpuPerUpdate}`,
  );
}

const port = await freePort();
if (!args.includes('--skip-province') && !existsSync(`${PROVINCE_DIR}/area.json`)) {
  console.log(`writing the synthetic province to ${PROVINCE_DIR} (once) …`);
  writePackage(syntheticPackage(PROVINCE_SCALE, 2), PROVINCE_DIR);
}
/**
 * Whether the province's tiles are missing, or older than its files or from before tiles
 * recorded their data's fingerprint: the app would then draw it from GeoJSON, not tiles.
 */
function provinceTilesStale(): boolean {
  const manifest = `${PROVINCE_DIR}/tiles/bench.json`;
  if (!existsSync(manifest) || !('data_fingerprint' in (JSON.parse(readFileSync(manifest, 'utf8')) as object))) return true;
  const builtMs = statSync(manifest).mtimeMs;
  // files.json is written by build-data itself.
  return readdirSync(PROVINCE_DIR, { withFileTypes: true }).some((f) => f.isFile() && f.name !== 'files.json' && statSync(`${PROVINCE_DIR}/${f.name}`).mtimeMs > builtMs);
}

if (!args.includes('--skip-province') && provinceTilesStale()) {
  console.log(`building the province's tiles into ${PROVINCE_DIR}/tiles …`);
  const built = spawnSync('npx', ['tsx', 'scripts/build-data.ts', PROVINCE_DIR, '--out', `${PROVINCE_DIR}/tiles`], { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('bench:drag: build-data failed on the province (see above)');
}
const server = await serve(port);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.setDefaultTimeout(600_000);
  if (!args.includes('--skip-commune')) await benchDrag(page, 'commune (Nam Hoà sample)', `http://127.0.0.1:${port}/`, null);
  if (!args.includes('--skip-province')) await benchDrag(page, 'province (synthetic benchmark package)', `http://127.0.0.1:${port}/?data=fixtures/bench-province/`, PROVINCE_DIR);
} finally {
  await browser.close();
  server.kill();
}
