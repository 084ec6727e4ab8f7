import type { Position } from 'geojson';
import { Clipper, FillRule } from 'clipper2-ts';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../scripts/lib/prng.ts';
import { flattenPolygon } from '../engine/point-in-polygon.ts';
import type { HamletGeometry } from '../engine/types.ts';
import { checkPolygonal, polygonBbox } from './geometry-checks.ts';
import { edgesOf } from './edge-runs.ts';
import { interiorsApart } from './interiors-apart.ts';
import { LocalFrame } from './polygon-topology.ts';

/** A checked polygon (RFC 7946 winding) from rings of [x, y] in units of `step` degrees from `origin`, near Nam Hoà. */
function poly(rings: number[][][], step = 0.001, origin = [105.8, 21.6]): HamletGeometry {
  const coordinates = rings.map((ring) => [...ring, ring[0]!].map(([x, y]): Position => [origin[0]! + x! * step, origin[1]! + y! * step]));
  const checked = checkPolygonal({ type: 'Polygon', coordinates });
  if (!('geometry' in checked)) throw new Error(checked.message);
  return checked.geometry;
}

/** A checked MultiPolygon from parts, each rings of [x, y] as in poly. */
function multi(parts: number[][][][], step = 0.001): HamletGeometry {
  const coordinates = parts.map((rings) => rings.map((ring) => [...ring, ring[0]!].map(([x, y]): Position => [105.8 + x! * step, 21.6 + y! * step])));
  const checked = checkPolygonal({ type: 'MultiPolygon', coordinates });
  if (!('geometry' in checked)) throw new Error(checked.message);
  return checked.geometry;
}

/** A step and origin at which lattice points, and midpoints of even ones, are exact in floating point: collinear stays collinear. */
const DYADIC_STEP = 1 / 1024;
const DYADIC_ORIGIN = [105.75, 21.5];
const exact = (ring: number[][]) => poly([ring], DYADIC_STEP, DYADIC_ORIGIN);

const rect = (x0: number, y0: number, x1: number, y1: number): number[][] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];

/**
 * Two hamlets either side of a wiggly border of `n` edges running north from (border[0], 0):
 * the west one, and the east one as rings of [x, y] (to be damaged before poly()), for
 * poly(ring, DYADIC_STEP, DYADIC_ORIGIN).
 */
function wigglyNeighbours(n: number, seed: number): { west: number[][]; east: number[][]; border: number[][] } {
  const random = mulberry32(seed);
  // Even coordinates, so the midpoint of a border edge is a lattice point too.
  const border = Array.from({ length: n + 1 }, (_, k) => [2 * Math.floor(random() * 5) - 4, 2 * k]);
  const west = [[-20, 0], ...border, [-20, 2 * n]];
  const east = [[20, 0], [20, 2 * n], ...[...border].reverse()];
  return { west, east, border };
}

function apart(a: HamletGeometry, b: HamletGeometry): boolean {
  const [aw, as, ae, an] = polygonBbox(a);
  const [bw, bs, be, bn] = polygonBbox(b);
  const [edgesA, edgesB] = edgesOf([flattenPolygon(a), flattenPolygon(b)]);
  return interiorsApart(edgesA!, edgesB!, [Math.max(aw, bw), Math.max(as, bs), Math.min(ae, be), Math.min(an, bn)]);
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

  it('passes neighbours along a long wiggly border, vertex for vertex or with vertices of their own', () => {
    const { west, east, border } = wigglyNeighbours(60, 1);
    expect(apart(exact(west), exact(east))).toBe(true);
    // The east hamlet also has a vertex in the middle of every third border edge.
    const eastBorder = [...border].reverse().flatMap((p, k, all) => (k > 0 && k % 3 === 0 ? [[(p[0]! + all[k - 1]![0]!) / 2, (p[1]! + all[k - 1]![1]!) / 2], p] : [p]));
    expect(apart(exact(west), exact([[20, 0], [20, 120], ...eastBorder]))).toBe(true);
  });

  it('sends to clipping a wiggly border vertex pushed into the neighbour, not one pulled back', () => {
    for (const k of [5, 30, 55]) {
      const { west, east } = wigglyNeighbours(60, 2);
      // east[2 + j] is border vertex 60 - j.
      const into = east.map((p, i) => (i === 2 + 60 - k ? [p[0]! - 1, p[1]!] : p));
      const back = east.map((p, i) => (i === 2 + 60 - k ? [p[0]! + 1, p[1]!] : p));
      expect(apart(exact(west), exact(into)), `border vertex ${k} pushed west`).toBe(false);
      expect(overlapM2(exact(west), exact(into))).toBeGreaterThan(1);
      expect(apart(exact(west), exact(back)), `border vertex ${k} pulled east`).toBe(true);
    }
  });

  it('checks every part of a MultiPolygon: one touching the neighbour, another overlapping it', () => {
    const neighbour = poly([rect(2, 0, 4, 2)]);
    expect(apart(multi([[rect(0, 0, 2, 2)], [rect(10, 10, 12, 12)]]), neighbour)).toBe(true);
    expect(apart(multi([[rect(10, 10, 12, 12)], [rect(3, 1, 5, 3)]]), neighbour)).toBe(false);
    // A part filling the neighbour's hole exactly touches it; one filling the hole and more does not.
    const lake = poly([rect(0, 0, 6, 6), rect(2, 2, 4, 4)]);
    expect(apart(multi([[rect(10, 0, 12, 2)], [rect(2, 2, 4, 4)]]), lake)).toBe(true);
    expect(apart(multi([[rect(10, 0, 12, 2)], [rect(2, 2, 4, 4)], [rect(0.5, 0.5, 1.5, 1.5)]]), lake)).toBe(false);
  });

  it('forgets the previous pair: a polygon inside another after two sharing edges', () => {
    const { west, east } = wigglyNeighbours(60, 3);
    expect(apart(exact(west), exact(east))).toBe(true);
    expect(apart(exact(rect(-20, 0, 20, 120)), exact(rect(-10, 10, -8, 12)))).toBe(false);
  });

  it('never passes two many-sided polygons that overlap (seeded star-shaped rings on a lattice, against Clipper2)', () => {
    const random = mulberry32(17);
    const int = (n: number) => Math.floor(random() * n);
    // Star-shaped rings of 12 to 40 lattice vertices around a centre: long rings whose
    // edges reach into the other's box anywhere along them, from a corner cut to a whole side.
    const star = (): number[][] | null => {
      const [cx, cy] = [int(30), int(30)];
      const n = 12 + int(29);
      const ring: number[][] = [];
      for (let k = 0; k < n; k++) {
        const angle = (2 * Math.PI * (k + random() * 0.5)) / n;
        const radius = 3 + int(12);
        const p = [cx + Math.round(radius * Math.cos(angle)), cy + Math.round(radius * Math.sin(angle))];
        if (ring.length === 0 || ring.at(-1)![0] !== p[0] || ring.at(-1)![1] !== p[1]) ring.push(p);
      }
      return ring.length >= 3 ? ring : null;
    };
    const checked = (ring: number[][] | null): HamletGeometry | null => {
      if (!ring) return null;
      const g = checkPolygonal({ type: 'Polygon', coordinates: [[...ring, ring[0]!].map(([x, y]): Position => [DYADIC_ORIGIN[0]! + x! * DYADIC_STEP, DYADIC_ORIGIN[1]! + y! * DYADIC_STEP])] });
      return 'geometry' in g ? g.geometry : null;
    };
    let [passed, overlapping] = [0, 0];
    for (let i = 0; i < 1500; i++) {
      const a = checked(star());
      const b = checked(star());
      if (!a || !b) continue;
      const overlap = overlapM2(a, b);
      if (overlap >= 1) overlapping++;
      if (!apart(a, b)) continue;
      passed++;
      expect(overlap, JSON.stringify([a.coordinates, b.coordinates])).toBeLessThan(1);
    }
    expect(passed).toBeGreaterThan(100);
    expect(overlapping).toBeGreaterThan(100);
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
