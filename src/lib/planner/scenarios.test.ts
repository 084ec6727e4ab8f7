import { describe, expect, it } from 'vitest';
import type { Cell } from '../engine/types.ts';
import { cleanScenarioName, copyScenarioName, defaultScenarioName, duplicateScenario, newScenario, readScenario, renameScenario, withCandidates } from './scenarios.ts';

const CELL: Cell = {
  id: 'P1-A', site_id: 'P1', name: 'Đồi chè', carrier: 'Viettel', lon: 105.92, lat: 21.61, tech: '5G', band_mhz: 3500,
  height_m: 35, azimuth_deg: 90, beamwidth_deg: 65, eirp_dbm: 60, range_m: null, status: 'candidate', on_air_year: 2027,
};
const T0 = new Date('2026-11-25T08:00:00Z');
const T1 = new Date('2026-11-25T09:30:00Z');

describe('scenario helpers', () => {
  it('creates a scenario with a fresh id, a clean name and a copy of the candidates', () => {
    const cells = [CELL];
    const s = newScenario('namhoa', '  Phương án\u0301 A ', cells, T0);
    expect(s).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/), name: 'Phương án\u0301 A'.normalize('NFC'), areaId: 'namhoa', candidates: [CELL], createdAt: '2026-11-25T08:00:00.000Z', updatedAt: '2026-11-25T08:00:00.000Z' });
    expect(s.candidates[0]).not.toBe(CELL);
    expect(newScenario('namhoa', 'x').id).not.toBe(newScenario('namhoa', 'x').id);
  });

  it('duplicates into a new scenario that shares no cell objects; renames and updates the time', () => {
    const s = newScenario('namhoa', 'Phương án 1', [CELL], T0);
    const copy = duplicateScenario(s, 'Phương án 1 (bản sao)', T1);
    expect(copy.id).not.toBe(s.id);
    expect(copy).toMatchObject({ name: 'Phương án 1 (bản sao)', areaId: 'namhoa', candidates: [CELL], createdAt: T1.toISOString() });
    copy.candidates[0]!.lon = 0;
    expect(s.candidates[0]!.lon).toBe(105.92);
    expect(renameScenario(s, ' Mới ', T1)).toEqual({ ...s, name: 'Mới', updatedAt: T1.toISOString() });
    expect(() => renameScenario(s, '   ')).toThrow('scenario name: got "   "; expected some text');
    expect(withCandidates(s, [], T1)).toEqual({ ...s, candidates: [], updatedAt: T1.toISOString() });
    expect(cleanScenarioName(' \t')).toBeNull();
  });

  it('proposes default and copy names unique among existing ones, in Vietnamese or English', () => {
    expect(defaultScenarioName([], 'vi')).toBe('Phương án 1');
    expect(defaultScenarioName(['Phương án 1', 'phương án 2 ', 'Scenario 3'], 'vi')).toBe('Phương án 3');
    expect(defaultScenarioName(['Scenario 1', 'Scenario 3'], 'en')).toBe('Scenario 2');
    expect(copyScenarioName('Phương án 1', ['Phương án 1'], 'vi')).toBe('Phương án 1 (bản sao)');
    expect(copyScenarioName('Phương án 1', ['Phương án 1', 'Phương án 1 (bản sao)'], 'vi')).toBe('Phương án 1 (bản sao 2)');
    expect(copyScenarioName('Plan', ['Plan (COPY)'], 'en')).toBe('Plan (copy 2)');
  });
});

describe('reading a stored record', () => {
  const good = newScenario('namhoa', 'Phương án 1', [CELL], T0);

  it('accepts a valid record and keeps only the known fields', () => {
    const stored = { ...good, extra: 1, candidates: [{ ...CELL, colour: 'red' }] };
    expect(readScenario(stored)).toEqual({ scenario: good });
  });

  it.each([
    ['not an object', 'oops', 'A saved scenario was skipped: got "oops"; expected a scenario record'],
    ['no name', { ...good, name: '' }, `A saved scenario "" (id ${good.id}) was skipped: name: expected some text`],
    ['bad date', { ...good, createdAt: 'yesterday' }, `A saved scenario "Phương án 1" (id ${good.id}) was skipped: createdAt: expected a date`],
    ['candidates missing (an older version)', { ...good, candidates: undefined, cells: [CELL] }, 'candidates: expected a list of cells'],
    ['a cell the engine cannot compute', { ...good, candidates: [{ ...CELL, lat: 121.6 }] }, 'candidate 1: scenario cell P1-A: lat: got 121.6; expected a latitude in −90..90'],
    ['a cell with a wrong-typed field', { ...good, candidates: [CELL, { ...CELL, id: 'P1-B', height_m: '35' }] }, 'candidate 2 (P1-B): height_m: got "35"; expected a number or null'],
    ['a cell that is not a candidate', { ...good, candidates: [{ ...CELL, status: 'on_air' }] }, 'candidate 1 (P1-A): status: got "on_air"; expected "candidate"'],
    ['duplicate cell ids', { ...good, candidates: [CELL, CELL] }, 'candidate 2: id "P1-A" is used twice; expected unique ids'],
  ])('refuses %s with a message naming the scenario and field', (_what, record, message) => {
    const result = readScenario(record);
    expect('warning' in result && result.warning).toContain(message);
  });
});
