import { describe, expect, it } from 'vitest';
import { NO_DATA_COLOR, SHARE_BREAKS, VIRIDIS_5, shareColor, shareLegend } from './colors.ts';

describe('shareColor', () => {
  it('puts each share in its bin, a break value in the upper bin', () => {
    expect(shareColor(0)).toBe(VIRIDIS_5[0]);
    expect(shareColor(0.2499)).toBe(VIRIDIS_5[0]);
    expect(shareColor(0.25)).toBe(VIRIDIS_5[1]);
    expect(shareColor(0.8999)).toBe(VIRIDIS_5[3]);
    // A hamlet at exactly the 90 % threshold counts as covered: top colour.
    expect(shareColor(0.9)).toBe(VIRIDIS_5[4]);
    expect(shareColor(1)).toBe(VIRIDIS_5[4]);
  });

  it('shows null (unknown) as the no-data grey, not as 0', () => {
    expect(shareColor(null)).toBe(NO_DATA_COLOR);
    expect(shareColor(0)).not.toBe(NO_DATA_COLOR);
  });
});

describe('shareLegend', () => {
  it('covers 0..1 without gaps, one row per colour', () => {
    const rows = shareLegend();
    expect(rows).toHaveLength(VIRIDIS_5.length);
    expect(rows[0]?.from).toBe(0);
    expect(rows.at(-1)?.to).toBe(1);
    rows.slice(1).forEach((row, i) => expect(row.from).toBe(rows[i]?.to));
    expect(rows.map((r) => r.from).slice(1)).toEqual([...SHARE_BREAKS]);
    // The legend's colours are the map's: the colour of a bin's lower bound.
    for (const row of rows) expect(shareColor(row.from)).toBe(row.color);
  });
});
