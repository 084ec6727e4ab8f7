// A minimal static host for the built app, the way nginx or an object-storage bucket
// serves it: files under a sub-path, HEAD and single byte ranges (PMTiles reads ranges),
// no rewrites, no SPA fallback. Only what a plain host does, so the test proves no more.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.geojson': 'application/geo+json',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.tif': 'image/tiff',
};

/** Serves `dir` at `prefix` (e.g. "/hatang/namhoa/") on a free port; resolves to its origin. */
export function serveStatic(dir: string, prefix: string): Promise<{ origin: string; server: Server; ranges: string[] }> {
  const root = resolve(dir);
  const ranges: string[] = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
    const relative = path.startsWith(prefix) ? path.slice(prefix.length) : null;
    const file = relative === null ? null : normalize(join(root, relative === '' ? 'index.html' : relative));
    if (!file || !(file === root || file.startsWith(root + sep)) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('Not found');
      return;
    }
    const size = statSync(file).size;
    const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Accept-Ranges': 'bytes' };
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? '');
    let [start, end] = [0, size - 1];
    let status = 200;
    if (range) {
      start = Number(range[1]);
      end = range[2] ? Math.min(Number(range[2]), size - 1) : size - 1;
      if (start > end) {
        res.writeHead(416, { 'Content-Range': `bytes */${size}` }).end();
        return;
      }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
      ranges.push(`${path} ${start}-${end}`);
    }
    headers['Content-Length'] = String(size === 0 ? 0 : end - start + 1);
    res.writeHead(status, headers);
    if (req.method === 'HEAD' || size === 0) res.end();
    else createReadStream(file, { start, end }).pipe(res);
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      done({ origin: `http://127.0.0.1:${port}`, server, ranges });
    });
  });
}
