import { describe, expect, it } from 'vitest';
import type { HamletReport } from '../engine/types.ts';
import { sortHamlets } from './sort.ts';

function hamlet(id: string, name: string, population: number, fiber: number | null): HamletReport {
  return { id, name, population, share: { '4g': 1, '5g': 0.5, mobile_bb: 1, fiber, fiber_1g: null } };
}

const HAMLETS = [
  hamlet('h1', 'Xóm Đồng Tâm', 300, 0.4),
  hamlet('h2', 'Xóm Dốc Võng', 120, null),
  hamlet('h3', 'Xóm Bãi Bằng', 500, 0.9),
  hamlet('h4', 'Xóm Ao Sen', 120, 0.1),
];

const ids = (list: HamletReport[]) => list.map((h) => h.id);

describe('sortHamlets', () => {
  it('sorts names in Vietnamese alphabetical order (Đ after D)', () => {
    expect(ids(sortHamlets(HAMLETS, 'name', 'ascending'))).toEqual(['h4', 'h3', 'h2', 'h1']);
    expect(ids(sortHamlets(HAMLETS, 'name', 'descending'))).toEqual(['h1', 'h2', 'h3', 'h4']);
  });

  it('sorts numbers and keeps file order for ties', () => {
    expect(ids(sortHamlets(HAMLETS, 'population', 'ascending'))).toEqual(['h2', 'h4', 'h1', 'h3']);
    expect(ids(sortHamlets(HAMLETS, 'population', 'descending'))).toEqual(['h3', 'h1', 'h2', 'h4']);
  });

  it('puts missing shares last in both directions', () => {
    expect(ids(sortHamlets(HAMLETS, 'fiber', 'ascending'))).toEqual(['h4', 'h1', 'h3', 'h2']);
    expect(ids(sortHamlets(HAMLETS, 'fiber', 'descending'))).toEqual(['h3', 'h1', 'h4', 'h2']);
  });

  it('does not reorder its input', () => {
    const before = ids(HAMLETS);
    sortHamlets(HAMLETS, 'population', 'descending');
    expect(ids(HAMLETS)).toEqual(before);
  });
});
