// The v2 link: candidates, map camera and selected hamlet travel in the hash; bad cells are
// dropped with a message, and oversized or zip-bomb hashes are refused quickly.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { cellsOfSite, defaultTemplate } from '../engine/planner/template.ts';
import type { Cell } from '../engine/types.ts';
import { DEFAULT_VIEW, MAX_HASH_CHARS, decodeView, encodeView, type ViewState } from './view-codec.ts';
import { packCandidates, sameCandidates } from './link-candidates.ts';

const v2Hash = (doc: unknown) => `#v2=${deflateRawSync(JSON.stringify(doc)).toString('base64url')}`;

/** Five candidate sites as the planner makes them (positions rounded to 1e-6°). */
function plannerSites(): Cell[] {
  const sectored = { ...defaultTemplate('5G', 'Viettel'), azimuths_deg: [0, 120, 240] };
  return [
    ...cellsOfSite(sectored, { siteId: 'C1', name: 'Đồng Kết', lon: 105.812345, lat: 21.612345, onAirYear: 2027 }),
    ...cellsOfSite(defaultTemplate('4G', 'VNPT'), { siteId: 'C2', name: 'Xóm Mới', lon: 105.8, lat: 21.6, onAirYear: null }),
    ...cellsOfSite({ ...defaultTemplate('5G', 'Viettel'), range_m: 900 }, { siteId: 'C3', name: 'C3', lon: 105.83, lat: 21.63, onAirYear: 2030 }),
    ...cellsOfSite(defaultTemplate('5G', 'MobiFone'), { siteId: 'C4', name: 'Trường học', lon: 105.790001, lat: 21.599999, onAirYear: 2026 }),
    ...cellsOfSite(sectored, { siteId: 'C5', name: 'Chợ', lon: 105.805, lat: 21.625, onAirYear: 2028 }),
  ];
}

describe('v2 links', () => {
  const view: ViewState = { ...DEFAULT_VIEW, year: 2028, map: { center: [105.81234, 21.61234], zoom: 13.25 }, hamlet: 'x03' };

  it('round-trips the view with the candidates, exactly', () => {
    const cells = plannerSites();
    const decoded = decodeView(encodeView(view, cells));
    expect(decoded).toEqual({ view, candidates: cells, problems: [] });
    expect(sameCandidates(decoded.candidates ?? [], cells)).toBe(true);
  });

  it('drops a bad candidate with a message naming it and the field, and keeps the rest', () => {
    const cells = plannerSites();
    const rows = packCandidates(cells);
    const lonIndex = 4;
    const bad = [...(rows[0] ?? [])];
    bad[lonIndex] = 500;
    const { candidates, problems } = decodeView(v2Hash({ candidates: [bad, ['too', 'short'], ...rows.slice(1), rows[1]] }));
    expect(candidates).toEqual(cells.slice(1));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^View link: candidate 1 dropped: scenario cell C1-1: lon: got 500/);
    expect(problems[1]).toMatch(/^View link: candidate 2 dropped: got \["too","short"\]; expected a list of the 15 sites.csv fields/);
    expect(problems[2]).toMatch(/candidate \d+ dropped: id: "C1-2" is already used/);
    expect(decodeView(v2Hash({ candidates: 'all' })).problems).toEqual(['View link: candidates "all" ignored; expected a list of cells']);
  });

  it('refuses a tampered camera and hamlet, keeping the rest', () => {
    const { view: got, problems } = decodeView(v2Hash({ year: 2030, map: { center: [400, 21], zoom: 12 }, hamlet: 7 }));
    expect(got).toEqual({ year: 2030 });
    expect(problems).toHaveLength(2);
  });

  it('still reads v1 links, which know nothing of candidates', () => {
    const v1 = `#v1=${deflateRawSync(JSON.stringify({ year: 2026, candidates: [] })).toString('base64url')}`;
    expect(decodeView(v1)).toEqual({ view: { year: 2026 }, problems: ['View link: unknown field "candidates" ignored'] });
  });

  it('refuses an oversized hash and a zip bomb with a message', () => {
    const long = `#v2=${'A'.repeat(MAX_HASH_CHARS + 1)}`;
    expect(decodeView(long).problems[0]).toMatch(/at most 32768 are read/);
    // 64 MB of one repeated character deflates to about 64 KB; 8 MB to a hash well under the cap.
    const bomb = `#v2=${deflateRawSync(Buffer.alloc(8 * 1024 * 1024, 0x20), { level: 9 }).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(MAX_HASH_CHARS);
    const { view: got, problems } = decodeView(bomb);
    expect(got).toEqual({});
    expect(problems[0]).toMatch(/is damaged \(inflates to more than 1048576 bytes\)/);
  });

  it('keeps a link with a sample-sized scenario within a phone-scannable QR code', () => {
    // Five sites (nine cells): a QR code at level M holds 2331 bytes; the page address adds ~100.
    expect(encodeView(view, plannerSites()).length).toBeLessThan(2000);
  });
});
