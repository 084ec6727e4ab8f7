import { describe, expect, it } from 'vitest';
import { METRICS, type Report } from '../engine/types.ts';
import { formatJson } from './json.ts';

describe('formatJson', () => {
  it('prints one document with the spec key order, dropping anything beyond the spec', () => {
    // Built in a scrambled order, with extra fields, as a caller might assemble it.
    const metrics = Object.fromEntries([...METRICS].reverse().map((m, i) => [m, i === 0 ? null : i / 10]));
    const scrambled = {
      hamlets: [
        {
          share: { fiber_1g: null, fiber: null, mobile_bb: 1, '5g': 0.35, '4g': 1 },
          population: 812,
          name: 'Xóm Ao Sen',
          id: '01',
          geometry: { type: 'Point', coordinates: [0, 0] },
        },
      ],
      targets: [{ met: false, actual: 0.41, clause: 'II.1.a', deadline: '2026-Q4', value: 0.5, op: '>', metric: 'pop_share.5g', id: '5g' }],
      metrics,
      population: 812,
      year: null,
      area: { sample: true, name: 'Xã Nam Hoà', id: 'namhoa', province: 'Thái Nguyên' },
    } as unknown as Report;
    const text = formatJson(scrambled);
    expect(text.endsWith('}\n')).toBe(true);
    const doc = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['area', 'year', 'population', 'metrics', 'targets', 'hamlets']);
    expect(doc.area).toEqual({ id: 'namhoa', name: 'Xã Nam Hoà', sample: true });
    expect(Object.keys(doc.area as object)).toEqual(['id', 'name', 'sample']);
    expect(Object.keys(doc.metrics as object)).toEqual([...METRICS]);
    expect((doc.metrics as Record<string, unknown>)['indicator.esign_adult_share']).toBeNull();
    const [target] = doc.targets as object[];
    expect(Object.keys(target as object)).toEqual(['id', 'metric', 'op', 'value', 'deadline', 'clause', 'actual', 'met']);
    const [hamlet] = doc.hamlets as Record<string, object>[];
    expect(Object.keys(hamlet as object)).toEqual(['id', 'name', 'population', 'share']);
    expect(Object.keys(hamlet?.share as object)).toEqual(['4g', '5g', 'mobile_bb', 'fiber', 'fiber_1g']);
    expect(hamlet?.share).toEqual({ '4g': 1, '5g': 0.35, mobile_bb: 1, fiber: null, fiber_1g: null });
  });
});
