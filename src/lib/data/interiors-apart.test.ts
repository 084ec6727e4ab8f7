import type { Position } from 'geojson';
import { Clipper, FillRule } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { flattenPolygon } from '../engine/point-in-polygon.ts';
import type { HamletGeometry } from '../engine/types.ts';
import { checkPolygonal, polygonBbox } from './geometry-checks.ts';
import { edgesOf, interiorsApart } from './interiors-apart.ts';
import { LocalFrame } from './polygon-topology.ts';

/** A checked polygon (RFC 7946 winding) from rings of [x, y] in units of `step` degrees near Nam Hoà. */
function poly(rings: number[][][], step = 0.001): HamletGeometry {
  const coordinates = rings.map((ring) => [...ring, ring[0]!].map(([x, y]): Position => [105.8 + x! * step, 21.6 + y! * step]));
  const checked = checkPolygonal({ type: 'Polygon', coordinates });
  if (!('geometry' in checked)) throw new Error(checked.message);
  return checked.geometry;
}

const rect = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

function apart(a: HamletGeometry, b: HamletGeometry): boolean {
  const [aw, as, ae, an] = polygonBbox(a);
  const [bw, bs, be, bn] = polygonBbox(b);
  return interiorsApart(edgesOf(flattenPolygon(a)), edgesOf(flattenPolygon(b)), [Math.max(aw, bw), Math.max(as, bs), Math.min(ae, be), Math.min(an, bn)]);
}

/** Area both cover, m², measured as findOverlaps measures it. */
function overlapM2(a: HamletGeometry, b: HamletGeometry): number {
  const frame = new LocalFrame(105.8, 21.6);
  const paths = (g: HamletGeometry) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates).flatMap((rings) => rings.map((ring) => frame.path(ring)));
  return LocalFrame.areaM2(Clipper.intersect(paths(a), paths(b), FillRule.NonZero));
}

describe('interiorsApart', () => {
  it('passes neighbours that share an edge vertex for vertex, or touch at a corner', () => {
    const a = poly([rect(0, 0, 2, 2)]);
    expect(apart(a, poly([[[2, 0], [4, 0], [4, 2], [2, 2]]]))).toBe(true);
    expect(apart(a, poly([rect(2, 2, 4, 4)]))).toBe(true);
  });

  it('passes neighbours along a straight border where each has vertices of its own', () => {
    const a = poly([[[0, 0], [2, 0], [2, 1], [2, 3], [0, 3]]]);
    expect(apart(a, poly([[[2, -1], [4, -1], [4, 2], [2, 2], [2, 0.5]]]))).toBe(true);
  });

  it('passes an island that fills a hole exactly, not one that spills over the hole', () => {
    const lake = poly([rect(0, 0, 6, 6), rect(2, 2, 4, 4)]);
    expect(apart(lake, poly([rect(2, 2, 4, 4)]))).toBe(true);
    expect(apart(lake, poly([rect(2, 2, 4, 5)]))).toBe(false);
  });

  it('sends to clipping crossing edges, a polygon inside another, a copy, and a triangle on three corners', () => {
    const a = poly([rect(0, 0, 2, 2)]);
    expect(apart(a, poly([rect(1, 1, 3, 3)]))).toBe(false);
    expect(apart(a, poly([rect(0.5, 0.5, 1, 1)]))).toBe(false);
    expect(apart(a, poly([rect(0, 0, 2, 2)]))).toBe(false);
    // Every vertex on the square's boundary, no edge crossing it: only the diagonal's midpoint tells.
    expect(apart(a, poly([[[0, 0], [2, 0], [2, 2]]]))).toBe(false);
  });

  it('never passes two polygons that overlap (seeded random polygons on a lattice, against Clipper2)', () => {
    const random = mulberry32(7);
    const int = (n: number) => Math.floor(random() * n);
    // Rectangles and triangles on a small lattice, some with extra vertices on their edges:
    // shared edges, vertices on edges, collinear stretches and containment are all common.
    const shape = (): number[][] => {
      if (random() < 0.4) {
        const [x0, y0] = [int(5), int(5)];
        const [w, h] = [1 + int(3), 1 + int(3)];
        const ring = rect(x0, y0, x0 + w, y0 + h);
        if (w > 1 && random() < 0.5) ring.splice(1, 0, [x0 + 1, y0]);
        return ring;
      }
      for (;;) {
        const ring = [[int(6), int(6)], [int(6), int(6)], [int(6), int(6)]];
        const [[ax, ay], [bx, by], [cx, cy]] = ring as [number[], number[], number[]];
        if ((bx! - ax!) * (cy! - ay!) !== (by! - ay!) * (cx! - ax!)) return ring;
      }
    };
    let passed = 0;
    for (let i = 0; i < 3000; i++) {
      const a = poly([shape()]);
      const b = poly([shape()]);
      if (!apart(a, b)) continue;
      // Lattice overlaps are thousands of m²; below 1 m² is Clipper2 rounding to the centimetre.
      passed++;
      expect(overlapM2(a, b), JSON.stringify([a.coordinates, b.coordinates])).toBeLessThan(1);
    }
    // The check has something to check: many pairs touch or lie apart.
    expect(passed).toBeGreaterThan(500);
  });
});
