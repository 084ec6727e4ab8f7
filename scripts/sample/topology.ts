// Makes a set of hamlet rings a clean tiling: coordinates on the 6-decimal grid the files
// use, vertices closer than SNAP merged, every vertex that lies on a neighbour's edge
// inserted into that edge (clipping leaves such T-junctions where the Voronoi edges meet
// the divider between the old communes). Then shared borders are identical vertex for
// vertex, so the map shows no slivers and the engine sees no overlaps.
import type { LonLat } from '../../src/lib/engine/types.ts';

/** A ring in integer micro-degrees ([lon, lat] × 1e6), closed (first = last). */
export type IntRing = [number, number][];

/** Merge / T-junction tolerance in micro-degrees (≈ 0.4 m at 21.6° N). */
const SNAP = 4;

const key = (p: readonly [number, number]) => `${p[0]},${p[1]}`;

export function toIntRing(ring: LonLat[]): IntRing {
  return ring.map(([lon, lat]) => [Math.round(lon * 1e6), Math.round(lat * 1e6)]);
}

export function fromIntRing(ring: IntRing): LonLat[] {
  return ring.map(([x, y]) => [x / 1e6, y / 1e6]);
}

function signedArea(ring: IntRing): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i] as [number, number];
    const b = ring[i + 1] as [number, number];
    s += a[0] * b[1] - b[0] * a[1];
  }
  return s / 2;
}

function dedupe(ring: IntRing): IntRing {
  const out: IntRing = [];
  for (const p of ring) {
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  return out;
}

/** Merges near-coincident vertices (smallest key wins, so the result is deterministic). */
function snapVertices(rings: IntRing[]): IntRing[] {
  const all = [...new Map(rings.flat().map((p) => [key(p), p] as const)).values()].sort(
    (a, b) => a[0] - b[0] || a[1] - b[1],
  );
  const canon = new Map<string, [number, number]>();
  for (const p of all) {
    const near = all.find((q) => Math.abs(q[0] - p[0]) <= SNAP && Math.abs(q[1] - p[1]) <= SNAP);
    canon.set(key(p), canon.get(key(near ?? p)) ?? near ?? p);
  }
  return rings.map((r) => dedupe(r.map((p) => canon.get(key(p)) ?? p)));
}

/** Inserts every vertex that lies on another ring's edge into that edge. */
function insertTJunctions(rings: IntRing[]): IntRing[] {
  const all = [...new Map(rings.flat().map((p) => [key(p), p] as const)).values()];
  return rings.map((ring) => {
    const out: IntRing = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i] as [number, number];
      const b = ring[i + 1] as [number, number];
      out.push(a);
      const dx = b[0] - a[0];
      const dy = b[1] - a[1];
      const len2 = dx * dx + dy * dy;
      const onEdge: { t: number; p: [number, number] }[] = [];
      for (const p of all) {
        const t = ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
        if (t <= 0 || t >= 1) continue;
        const off = Math.abs((p[0] - a[0]) * dy - (p[1] - a[1]) * dx) / Math.sqrt(len2);
        if (off <= SNAP) onEdge.push({ t, p });
      }
      onEdge.sort((u, v) => u.t - v.t);
      for (const { p } of onEdge) if (key(p) !== key(a) && key(p) !== key(b)) out.push(p);
    }
    out.push(out[0] as [number, number]);
    return dedupe(out);
  });
}

/** Snaps, inserts T-junctions and orients every ring counter-clockwise (RFC 7946). */
export function cleanTiling(rings: IntRing[]): IntRing[] {
  return insertTJunctions(snapVertices(rings)).map((r) => (signedArea(r) < 0 ? [...r].reverse() : r));
}

/**
 * Checks the tiling's topology: every edge is used once (the outline) or twice in
 * opposite directions (a shared border), never twice the same way (an overlap).
 * Returns the number of outline edges.
 */
export function checkTopology(rings: IntRing[]): number {
  const used = new Map<string, number>();
  rings.forEach((ring, h) => {
    for (let i = 0; i + 1 < ring.length; i++) {
      const e = `${key(ring[i] as [number, number])}>${key(ring[i + 1] as [number, number])}`;
      if (used.has(e)) throw new Error(`make-sample: hamlets ${used.get(e)} and ${h} both use edge ${e}`);
      used.set(e, h);
    }
  });
  let outlineEdges = 0;
  for (const e of used.keys()) {
    const [a, b] = e.split('>');
    if (!used.has(`${b}>${a}`)) outlineEdges += 1;
  }
  return outlineEdges;
}
