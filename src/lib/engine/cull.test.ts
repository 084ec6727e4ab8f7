import { Clipper, FillRule, type Path64, type Paths64 } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { cullPaths } from './cull.ts';

/** Regular polygon of `n` vertices and radius `r` (integer units) around (cx, cy), counter-clockwise. */
function ngon(cx: number, cy: number, r: number, n: number, clockwise = false): Path64 {
  const path: Path64 = [];
  for (let i = 0; i < n; i++) {
    const a = ((clockwise ? -1 : 1) * 2 * Math.PI * i) / n;
    path.push({ x: Math.round(cx + r * Math.cos(a)), y: Math.round(cy + r * Math.sin(a)), z: 0 });
  }
  return path;
}

const square: Paths64 = [[{ x: 0, y: 0, z: 0 }, { x: 100_000, y: 0, z: 0 }, { x: 100_000, y: 100_000, z: 0 }, { x: 0, y: 100_000, z: 0 }]];
const box = Clipper.getBoundsPaths(square);
const areaInSquare = (clip: Paths64) => Clipper.areaPaths(Clipper.intersect(square, clip, FillRule.NonZero));
const vertices = (paths: Paths64) => paths.reduce((n, p) => n + p.length, 0);

describe('cullPaths', () => {
  it('keeps the intersection with anything inside the box while dropping far vertices', () => {
    const random = mulberry32(11);
    let before = 0;
    let after = 0;
    for (let trial = 0; trial < 50; trial++) {
      // Discs of 0.2–3 box widths centred anywhere from well outside to inside the box.
      const clip: Paths64 = Array.from({ length: 6 }, () =>
        ngon(-150_000 + random() * 400_000, -150_000 + random() * 400_000, 20_000 + random() * 280_000, 64 + Math.floor(random() * 64), random() < 0.3),
      );
      const culled = cullPaths(clip, box);
      before += vertices(clip);
      after += vertices(culled);
      // Same region; Clipper may round an intersection point one unit differently, so allow 1e-6 of the square.
      expect(Math.abs(areaInSquare(culled) - areaInSquare(clip))).toBeLessThanOrEqual(1e-6 * 1e10);
    }
    expect(after).toBeLessThan(before / 2);
  });

  it('drops a ring wholly beyond one side, and thins one that reaches in', () => {
    const beyond = ngon(300_000, 50_000, 100_000, 64);
    const reaching = ngon(150_000, 50_000, 100_000, 64);
    const culled = cullPaths([beyond, reaching], box);
    expect(culled).toHaveLength(1);
    expect((culled[0] as Path64).length).toBeLessThan(reaching.length);
    expect(areaInSquare(culled)).toBe(areaInSquare([reaching]));
  });

  it('keeps a ring around the whole box, whose vertices lie beyond different sides', () => {
    const around = ngon(50_000, 50_000, 400_000, 64);
    expect(areaInSquare(cullPaths([around], box))).toBe(1e10);
  });

  it('keeps a hole that reaches into the box', () => {
    const outer = ngon(50_000, 50_000, 400_000, 64);
    const hole = ngon(120_000, 50_000, 40_000, 64, true);
    const culled = cullPaths([outer, hole], box);
    expect(culled).toHaveLength(2);
    expect(areaInSquare(culled)).toBe(areaInSquare([outer, hole]));
    expect(areaInSquare(culled)).toBeLessThan(1e10);
  });
});
