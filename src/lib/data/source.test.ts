// Package sources: urlSource as the app uses it, against a fake fetch (no network).
import { describe, expect, it } from 'vitest';
import { loadPackage } from './load-package.ts';
import { urlSource } from './source.ts';
import { baseFiles } from './testkit.ts';

/** A static server over `files`: 404 or (like vite preview) index.html for the rest. */
function fakeFetch(files: Record<string, string | Uint8Array>, opts: { htmlFallback?: boolean; honourRange?: boolean } = {}) {
  const requests: { url: string; range: string | null }[] = [];
  const fn = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const range = new Headers(init?.headers).get('Range');
    requests.push({ url, range });
    const name = url.replace(/^pkg\//, '');
    const content = files[name];
    if (content === undefined) {
      return opts.htmlFallback
        ? new Response('<!doctype html><title>app</title>', { status: 200, headers: { 'content-type': 'text/html' } })
        : new Response('not found', { status: 404 });
    }
    const bytes = new Uint8Array(typeof content === 'string' ? new TextEncoder().encode(content) : content);
    const m = range && opts.honourRange ? /^bytes=0-(\d+)$/.exec(range) : null;
    if (m) return new Response(bytes.slice(0, Number(m[1]) + 1).buffer, { status: 206 });
    return new Response(bytes.buffer, { status: 200 });
  };
  return { fn: fn as typeof fetch, requests };
}

describe('urlSource', () => {
  const pmtiles = new Uint8Array(100_000);
  pmtiles.set(new TextEncoder().encode('PMTiles'), 0);
  pmtiles[7] = 3;
  pmtiles[99] = 1; // tile type MVT

  it.each([true, false])('reads only the head of a file (server honours Range: %s)', async (honourRange) => {
    const { fn, requests } = fakeFetch({ 'basemap.pmtiles': pmtiles }, { honourRange });
    const head = await urlSource('pkg', fn).readHead!('basemap.pmtiles', 8);
    expect(Array.from(head!)).toEqual([80, 77, 84, 105, 108, 101, 115, 3]);
    expect(requests).toEqual([{ url: 'pkg/basemap.pmtiles', range: 'bytes=0-7' }]);
  });

  it('treats the HTML fallback of a static server as a missing file', async () => {
    const { fn } = fakeFetch({}, { htmlFallback: true });
    const source = urlSource('pkg/', fn);
    expect(await source.readHead!('basemap.pmtiles', 8)).toBeNull();
    expect(await source.read('coverage.geojson')).toBeNull();
  });

  it('loads a whole package over HTTP', async () => {
    const { fn } = fakeFetch({ ...baseFiles(), 'basemap.pmtiles': pmtiles }, { htmlFallback: true, honourRange: true });
    const { pkg, problems } = await loadPackage(urlSource('pkg', fn));
    expect(problems).toEqual([]);
    expect(pkg!.hamlets).toHaveLength(3);
    expect(pkg!.hasBasemap).toBe(true);
  });
});
