import 'fake-indexeddb/auto';
import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../engine/types.ts';
import { indexedDbStore } from './scenario-store.ts';
import { newScenario, renameScenario } from './scenarios.ts';

const CELL: Cell = {
  id: 'P1-A', site_id: 'P1', name: 'Đồi chè', carrier: 'Viettel', lon: 105.92, lat: 21.61, tech: '4G', band_mhz: 1800,
  height_m: 35, azimuth_deg: null, beamwidth_deg: 360, eirp_dbm: 60, range_m: 1500, status: 'candidate', on_air_year: null,
};

let dbCount = 0;
/** Each test gets its own database, so tests share no state. */
const freshName = () => `planner-test-${++dbCount}`;

describe('IndexedDB scenario store', () => {
  it('saves and reads back through a new store instance (a reload)', async () => {
    const name = freshName();
    const s = newScenario('namhoa', 'Phương án 1', [CELL, { ...CELL, id: 'P1-B', azimuth_deg: 120, beamwidth_deg: 65 }]);
    await indexedDbStore(name).put(s);
    const reloaded = indexedDbStore(name);
    expect(await reloaded.get(s.id)).toEqual(s);
    expect(await reloaded.get('no-such-id')).toBeNull();
  });

  it('lists the scenarios of one area, oldest first; put replaces', async () => {
    const store = indexedDbStore(freshName());
    const second = newScenario('namhoa', 'B', [], new Date('2026-11-02T00:00:00Z'));
    const first = newScenario('namhoa', 'A', [CELL], new Date('2026-11-01T00:00:00Z'));
    const other = newScenario('other-commune', 'C', [], new Date('2026-10-01T00:00:00Z'));
    for (const s of [second, first, other]) await store.put(s);
    await store.put(renameScenario(first, 'A2', new Date('2026-11-03T00:00:00Z')));
    expect((await store.list('namhoa')).map((s) => s.name)).toEqual(['A2', 'B']);
    expect((await store.list('other-commune')).map((s) => s.id)).toEqual([other.id]);
    expect(await store.list('nowhere')).toEqual([]);
  });

  it('keeps the current scenario per area across reloads; deleting it clears it', async () => {
    const name = freshName();
    const store = indexedDbStore(name);
    const a = newScenario('namhoa', 'A');
    const b = newScenario('namhoa', 'B');
    const c = newScenario('other', 'C');
    for (const s of [a, b, c]) await store.put(s);
    expect(await store.getCurrent('namhoa')).toBeNull();
    await store.setCurrent('namhoa', b.id);
    await store.setCurrent('other', c.id);
    expect(await indexedDbStore(name).getCurrent('namhoa')).toBe(b.id);
    await store.remove(a.id);
    expect(await store.getCurrent('namhoa')).toBe(b.id);
    await store.remove(b.id);
    expect(await store.get(b.id)).toBeNull();
    expect(await store.getCurrent('namhoa')).toBeNull();
    expect(await store.getCurrent('other')).toBe(c.id);
    expect((await store.list('namhoa')).length).toBe(0);
  });

  it('skips corrupted or old-format records with one warning each, and leaves them stored', async () => {
    const name = freshName();
    const good = newScenario('namhoa', 'Tốt', [CELL]);
    await indexedDbStore(name).put(good);
    // Records another version (or a broken write) left behind.
    const raw = await openDB(name);
    await raw.put('scenarios', { id: 'old-1', name: 'Cũ', areaId: 'namhoa', cells: [CELL], createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' });
    await raw.put('scenarios', { ...good, id: 'bad-cell', name: 'Hỏng', candidates: [{ ...CELL, lon: Number.NaN }] });
    await raw.put('scenarios', { id: 'no-area', name: 'Lạc' });
    raw.close();
    const warnings: string[] = [];
    const store = indexedDbStore(name, { onWarning: (m) => warnings.push(m) });
    expect(await store.list('namhoa')).toEqual([good]);
    await store.list('namhoa');
    expect(await store.get('bad-cell')).toBeNull();
    expect(warnings).toEqual([
      'A saved scenario "Hỏng" (id bad-cell) was skipped: candidate 1: scenario cell P1-A: lon: got NaN; expected a longitude in −180..180: WGS84 longitudes run −180..180',
      'A saved scenario "Lạc" (id no-area) was skipped: areaId: expected text',
      'A saved scenario "Cũ" (id old-1) was skipped: candidates: expected a list of cells',
    ]);
    const check = await openDB(name);
    expect(await check.count('scenarios')).toBe(4);
    check.close();
  });

  it('refuses to save an invalid scenario, and nothing is written', async () => {
    const store = indexedDbStore(freshName());
    const bad = newScenario('namhoa', 'X', [{ ...CELL, beamwidth_deg: 0 }]);
    await expect(store.put(bad)).rejects.toThrow(`Cannot save scenario "X" (id ${bad.id}): candidate 1: scenario cell P1-A: beamwidth_deg: got 0 degrees; expected a beamwidth in (0, 360] degrees: 360 degrees is a full turn, an omni cell`);
    expect(await store.get(bad.id)).toBeNull();
  });

  it('saves a scenario held in a reactive proxy (as the UI state holds it)', async () => {
    const store = indexedDbStore(freshName());
    const s = newScenario('namhoa', 'Proxy', [CELL]);
    const proxied = new Proxy({ ...s, candidates: s.candidates.map((c) => new Proxy(c, {})) }, {});
    expect(() => structuredClone(proxied)).toThrow();
    await store.put(proxied);
    expect(await store.get(s.id)).toEqual(s);
  });
});
