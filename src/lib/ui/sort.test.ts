import { describe, expect, it } from 'vitest';
import type { HamletReport } from '../engine/types.ts';
import { findHamlets, sortHamlets } from './sort.ts';

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

describe('findHamlets', () => {
  const names = ['Xóm Cây Thị 1', 'Xóm Đồng Mỏ', 'Xóm Ao Sen', 'Xóm Cây Thị 2'];
  const hamlets = names.map((name, i) => ({ id: String(i), name, population: 10, share: { '4g': 1, '5g': null, mobile_bb: 1, fiber: null, fiber_1g: null } }));

  it('finds names ignoring case and Vietnamese diacritics, đ included', () => {
    expect(findHamlets(hamlets, 'cay thi', 10).rows.map((h) => h.name)).toEqual(['Xóm Cây Thị 1', 'Xóm Cây Thị 2']);
    expect(findHamlets(hamlets, 'DONG MO', 10).rows.map((h) => h.name)).toEqual(['Xóm Đồng Mỏ']);
    expect(findHamlets(hamlets, 'Đồng', 10).matched).toBe(1);
    expect(findHamlets(hamlets, 'nowhere', 10)).toEqual({ rows: [], matched: 0 });
  });

  it('keeps the order given (the sort) and stops at the limit, counting every match', () => {
    expect(findHamlets(hamlets, '  ', 2)).toEqual({ rows: hamlets.slice(0, 2), matched: 4 });
    expect(findHamlets(hamlets, 'xom', 3).rows.map((h) => h.id)).toEqual(['0', '1', '2']);
  });
});
