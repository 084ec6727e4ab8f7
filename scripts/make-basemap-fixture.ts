// Writes the basemap.pmtiles of the end-to-end fixture package tests/fixtures/packages/basemap/
// (see scripts/lib/basemap-fixture.ts and tests/fixtures/packages/README.md).
//
//   npx tsx scripts/make-basemap-fixture.ts [output file]
//
// Reproducible: Node's gzip writes no timestamp and the writer orders tiles by id, so two
// runs write the same bytes (tests/unit/basemap-fixture.test.ts checks the committed file).
import { writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildBasemapFixture } from './lib/basemap-fixture.ts';

const OUT_FILE = process.argv[2] ?? 'tests/fixtures/packages/basemap/basemap.pmtiles';

const { archive, tileCount } = buildBasemapFixture((bytes) => new Uint8Array(gzipSync(bytes, { level: 9 })));
writeFileSync(OUT_FILE, archive);
console.log(`${OUT_FILE}: ${tileCount} tiles, ${archive.length} bytes`);
