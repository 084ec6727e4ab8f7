import { describe, expect, it } from 'vitest';
import { PATTERN_FLOOR_DB, foldOffBoresightDeg, horizontalPatternDb } from './antenna.ts';

describe('3GPP horizontal antenna pattern', () => {
  it('is 0 dB on boresight', () => {
    expect(horizontalPatternDb(0, 65)).toBe(-0);
  });

  it('is −3 dB at half the beamwidth, whatever the beamwidth', () => {
    for (const bw of [33, 65, 90, 120]) expect(horizontalPatternDb(bw / 2, bw)).toBeCloseTo(-3, 12);
  });

  it('floors at −Am = −30 dB (TR 38.901 Table 7.3-1)', () => {
    expect(PATTERN_FLOOR_DB).toBe(30);
    expect(horizontalPatternDb(180, 65)).toBe(-30);
    expect(horizontalPatternDb(120, 65)).toBe(-30);
    // 12·(φ/65)² reaches 30 dB at φ = 65·√2.5 = 102.8°.
    expect(horizontalPatternDb(100, 65)).toBeGreaterThan(-30);
  });

  it('is symmetric and folds any angle into 0..180°', () => {
    expect(foldOffBoresightDeg(-30)).toBe(30);
    expect(foldOffBoresightDeg(330)).toBe(30);
    expect(foldOffBoresightDeg(540)).toBe(180);
    expect(horizontalPatternDb(-40, 65)).toBe(horizontalPatternDb(40, 65));
  });

  it('is flat for an omni cell', () => {
    expect(horizontalPatternDb(180, 360)).toBe(0);
  });
});
