import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AddProtocolAction } from 'maplibre-gl';
import { buildTilesArchive } from '../tiles/build-archive.ts';
import { smallPackage } from '../tiles/fixtures/small-package.ts';
import { TILE_MAX_ZOOM, TILE_MIN_ZOOM } from '../tiles/layers.ts';
import { pmtilesUrl, pmtilesVectorSource, registerPmtilesProtocol } from './pmtiles.ts';

/** Records what would be registered with maplibre, so the handler can be called as maplibre would. */
function recordingHost() {
  const calls: [string, AddProtocolAction][] = [];
  return { calls, host: { addProtocol: (name: string, action: AddProtocolAction) => void calls.push([name, action]) } };
}

describe('registerPmtilesProtocol', () => {
  it('registers pmtiles once however often it is called', () => {
    const { calls, host } = recordingHost();
    registerPmtilesProtocol(host);
    registerPmtilesProtocol(host);
    registerPmtilesProtocol({ addProtocol: host.addProtocol });
    expect(calls.map(([name]) => name)).toEqual(['pmtiles']);
  });

  describe('serving a built archive over HTTP range requests, as a static server does', () => {
    const archive = buildTilesArchive(smallPackage(), {
      gzip: (b) => new Uint8Array(gzipSync(b)),
      builtFrom: 'fixtures/tiny',
    }).archive;
    let server: Server;
    let baseUrl: string;

    beforeAll(async () => {
      server = createServer((req, res) => {
        const match = /bytes=(\d+)-(\d+)/.exec(req.headers.range ?? '');
        if (req.url !== '/tiles/tiny.pmtiles' || !match) {
          res.writeHead(req.url === '/tiles/tiny.pmtiles' ? 416 : 404).end();
          return;
        }
        const start = Number(match[1]);
        const end = Math.min(Number(match[2]), archive.length - 1);
        res.writeHead(206, {
          'Content-Length': end - start + 1,
          'Content-Range': `bytes ${start}-${end}/${archive.length}`,
        });
        res.end(archive.subarray(start, end + 1));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/app/`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('answers the TileJSON request and a tile request for the source spec it builds', async () => {
      const { calls, host } = recordingHost();
      registerPmtilesProtocol(host);
      const handler = calls[0]![1];
      const source = pmtilesVectorSource('../tiles/tiny.pmtiles', baseUrl);
      expect(source.url).toBe(`pmtiles://${baseUrl.replace('/app/', '/tiles/tiny.pmtiles')}`);

      const tileJson = await handler({ url: source.url!, type: 'json' }, new AbortController());
      expect(tileJson.data).toMatchObject({ minzoom: TILE_MIN_ZOOM, maxzoom: TILE_MAX_ZOOM });
      const [w, s, e, n] = (tileJson.data as { bounds: number[] }).bounds;
      expect([w, s, e, n].map((v) => Math.round(v! * 100) / 100)).toEqual([105.7, 21.6, 105.76, 21.64]);

      // Zoom 9 tile 406/224 (lon 105.47–106.17, lat 21.29–21.94) holds the whole fixture.
      const tile = await handler({ url: `${source.url}/9/406/224`, type: 'arrayBuffer' }, new AbortController());
      expect(tile.data).toBeInstanceOf(Uint8Array);
      // The protocol hands maplibre the decompressed MVT: a protobuf starting with layer field 3.
      expect((tile.data as Uint8Array)[0]).toBe(0x1a);
      // A tile the archive lacks is an empty vector tile, not an error.
      const empty = await handler({ url: `${source.url}/9/100/100`, type: 'arrayBuffer' }, new AbortController());
      expect((empty.data as Uint8Array).length).toBe(0);
    });
  });
});

describe('pmtilesUrl', () => {
  it('makes a relative archive path absolute against the page', () => {
    expect(pmtilesUrl('tiles/namhoa.pmtiles', 'http://127.0.0.1:4173/index.html?data=x')).toBe(
      'pmtiles://http://127.0.0.1:4173/tiles/namhoa.pmtiles',
    );
    expect(pmtilesUrl('https://a.example/t.pmtiles', 'http://127.0.0.1:4173/')).toBe('pmtiles://https://a.example/t.pmtiles');
  });
});
