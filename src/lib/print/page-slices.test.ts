import { describe, expect, it } from 'vitest';
import { pageSlices } from './page-slices.ts';

describe('pageSlices', () => {
  it('cuts at the lowest clean break that fits each page', () => {
    // Rows every 30 px; pages of 100 px: cuts at 90, 180, 270.
    const rows = Array.from({ length: 10 }, (_, i) => i * 30);
    expect(pageSlices(rows, 300, 100)).toEqual([
      [0, 90],
      [90, 180],
      [180, 270],
      [270, 300],
    ]);
  });

  it('cuts a block taller than a page at the page height', () => {
    expect(pageSlices([10, 250], 260, 100)).toEqual([
      [0, 100],
      [100, 200],
      [200, 260],
    ]);
  });

  it('keeps a short document on one page and covers every pixel once', () => {
    expect(pageSlices([20, 40], 80, 100)).toEqual([[0, 80]]);
    const slices = pageSlices([33, 95, 96, 150, 299, 310], 420, 120);
    expect(slices[0]?.[0]).toBe(0);
    expect(slices.at(-1)?.[1]).toBe(420);
    for (let i = 1; i < slices.length; i++) expect(slices[i]?.[0]).toBe(slices[i - 1]?.[1]);
    for (const [a, b] of slices) expect(b - a).toBeLessThanOrEqual(120);
  });

  it('refuses a page height that is not positive', () => {
    expect(() => pageSlices([], 100, 0)).toThrow(/pageHeightPx must be positive; got 0/);
  });
});
