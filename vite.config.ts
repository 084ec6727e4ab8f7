/// <reference types="vitest/config" />
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// data/ holds data packages and tiles/ the PMTiles built from them; both are served
// as static folders next to the app so `?data=data/<id>/` works the same in dev and
// in the built app. End-to-end tests also open fixture packages from tests/fixtures/packages,
// served at /fixtures/ (and the importer's files, tests/fixtures/import, at /fixtures-import/)
// only when SERVE_TEST_FIXTURES is set (playwright.config.ts sets it),
// so test data never ships in dist/.
const FOLDERS: Record<string, string> = { '/data/': 'data', '/tiles/': 'tiles' };
const FIXTURES: Record<string, string> = { '/fixtures/': 'tests/fixtures/packages', '/fixtures-import/': 'tests/fixtures/import' };

const TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.pmtiles': 'application/octet-stream',
  '.tif': 'image/tiff',
  '.kml': 'application/vnd.google-earth.kml+xml',
  '.zip': 'application/zip',
};

/** Serves a folder's files with HEAD and single byte-range support (PMTiles reads ranges). */
function serveFolder(prefix: string, dir: string) {
  const root = resolve(dir);
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    if (!path.startsWith(prefix)) return next();
    const file = normalize(join(root, path.slice(prefix.length)));
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.statusCode = 404;
      res.end('Not found');
      return;
    }
    const size = statSync(file).size;
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    res.setHeader('Accept-Ranges', 'bytes');
    if (size === 0) {
      // An empty file is a file (a package's 0-byte CSV must reach the validator as such);
      // a read stream of bytes 0..-1 would throw.
      res.setHeader('Content-Length', '0');
      res.end();
      return;
    }
    const range = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range ?? '');
    let start = 0;
    let end = size - 1;
    if (range) {
      start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
      end = range[1] && range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end || start >= size) {
        res.statusCode = 416;
        res.setHeader('Content-Range', `bytes */${size}`);
        res.end();
        return;
      }
      res.statusCode = 206;
      res.setHeader('Content-Range', `bytes ${start}-${end}/${size}`);
    }
    res.setHeader('Content-Length', String(end - start + 1));
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file, { start, end }).pipe(res);
  };
}

function packageFolders(): Plugin {
  const folders = { ...FOLDERS, ...(process.env.SERVE_TEST_FIXTURES ? FIXTURES : {}) };
  const install = (server: { middlewares: { use: (fn: ReturnType<typeof serveFolder>) => void } }) => {
    for (const [prefix, dir] of Object.entries(folders)) server.middlewares.use(serveFolder(prefix, dir));
  };
  let outDir = 'dist';
  let building = false;
  return {
    name: 'package-folders',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
      building = config.command === 'build';
    },
    configureServer: install,
    configurePreviewServer: install,
    // The built app is static: copy the package folders next to it. Vite also calls
    // closeBundle when a dev server (or Vitest's) closes, so only a real build copies.
    closeBundle() {
      if (!building) return;
      for (const [prefix, dir] of Object.entries(FOLDERS)) {
        if (existsSync(dir)) cpSync(dir, join(outDir, prefix), { recursive: true });
      }
    },
  };
}

export default defineConfig({
  base: './',
  plugins: [svelte(), packageFolders()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 2000 },
  test: {
    include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
  },
});
