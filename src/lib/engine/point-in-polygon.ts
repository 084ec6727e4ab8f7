// Boundary-inclusive point-in-polygon in lon/lat, with edges straight in lon/lat as
// RFC 7946 draws them. A point on an edge counts as inside (spec: a point on a coverage
// edge is covered; a point on a shared hamlet boundary belongs to the first hamlet), so
// "on the edge" is decided with a tolerance far below digitising precision.
import type { Position } from 'geojson';
import type { BBox } from './cell-shape.ts';
import type { HamletGeometry } from './types.ts';

/** A point closer than this to an edge is on it, degrees (≈ 0.1 mm). */
const ON_EDGE_DEG = 1e-9;

/**
 * A ring as a flat closed [lon0, lat0, lon1, lat1, …] array, with its edges sorted into
 * horizontal bands: a test looks only at the few edges of its point's band instead of all.
 */
export interface FlatRing {
  coords: Float64Array;
  minLat: number;
  maxLat: number;
  bandLatDeg: number;
  bandCount: number;
  /** Edges of band b are bandEdges[bandStart[b] .. bandStart[b + 1]). */
  bandStart: Uint32Array;
  /** Edge e runs from vertex e to vertex e + 1. */
  bandEdges: Uint32Array;
}

/** The first ring of a part is its outer ring, the others its holes. */
export interface FlatPolygon {
  parts: FlatRing[][];
  bbox: BBox;
}

/** Average edges per band: a few, so a test stays short even for long rings. */
const EDGES_PER_BAND = 4;

/** The band of latitude `lat` (clamped to the ring's bands), as bandRing and ringRelation number them. */
function bandOf(lat: number, minLat: number, bandLatDeg: number, bandCount: number): number {
  return Math.min(bandCount - 1, Math.max(0, Math.floor((lat - minLat) / bandLatDeg)));
}

/** bandRing's write position per band, kept from ring to ring (a province has thousands of rings). */
let bandFill = new Uint32Array(0);

function bandRing(coords: Float64Array): FlatRing {
  const edgeCount = Math.max(0, coords.length / 2 - 1);
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (let i = 1; i < coords.length; i += 2) {
    minLat = Math.min(minLat, coords[i]!);
    maxLat = Math.max(maxLat, coords[i]!);
  }
  const bandCount = Math.max(1, Math.ceil(edgeCount / EDGES_PER_BAND));
  const bandLatDeg = Math.max((maxLat - minLat) / bandCount, 1e-12);
  // Each edge goes into every band its latitude span (padded by the on-edge tolerance) meets.
  const bandStart = new Uint32Array(bandCount + 1);
  for (let e = 0; e < edgeCount; e++) {
    const a = coords[2 * e + 1]!;
    const b = coords[2 * e + 3]!;
    const b0 = bandOf(Math.min(a, b) - ON_EDGE_DEG, minLat, bandLatDeg, bandCount);
    const b1 = bandOf(Math.max(a, b) + ON_EDGE_DEG, minLat, bandLatDeg, bandCount);
    for (let band = b0; band <= b1; band++) bandStart[band + 1]!++;
  }
  for (let band = 1; band <= bandCount; band++) bandStart[band]! += bandStart[band - 1]!;
  if (bandFill.length < bandCount) bandFill = new Uint32Array(bandCount);
  const fill = bandFill;
  for (let band = 0; band < bandCount; band++) fill[band] = bandStart[band]!;
  const bandEdges = new Uint32Array(bandStart[bandCount]!);
  for (let e = 0; e < edgeCount; e++) {
    const a = coords[2 * e + 1]!;
    const b = coords[2 * e + 3]!;
    const b1 = bandOf(Math.max(a, b) + ON_EDGE_DEG, minLat, bandLatDeg, bandCount);
    for (let band = bandOf(Math.min(a, b) - ON_EDGE_DEG, minLat, bandLatDeg, bandCount); band <= b1; band++) bandEdges[fill[band]!++] = e;
  }
  return { coords, minLat, maxLat, bandLatDeg, bandCount, bandStart, bandEdges };
}

function flattenRing(ring: Position[]): Float64Array {
  const n = ring.length;
  const open = n > 0 && (ring[0]?.[0] !== ring[n - 1]?.[0] || ring[0]?.[1] !== ring[n - 1]?.[1]);
  const out = new Float64Array((n + (open ? 1 : 0)) * 2);
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    out[2 * i] = p[0] ?? Number.NaN;
    out[2 * i + 1] = p[1] ?? Number.NaN;
  }
  if (open) {
    out[out.length - 2] = out[0] ?? Number.NaN;
    out[out.length - 1] = out[1] ?? Number.NaN;
  }
  return out;
}

/** Flattens a Polygon/MultiPolygon for fast repeated tests. */
export function flattenPolygon(geometry: HamletGeometry): FlatPolygon {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const parts: FlatRing[][] = [];
  for (const rings of polygons) {
    const part: FlatRing[] = [];
    for (const ring of rings) part.push(bandRing(flattenRing(ring)));
    parts.push(part);
  }
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const part of parts) {
    const outer = part[0]?.coords;
    if (!outer) continue;
    for (let i = 0; i < outer.length; i += 2) {
      const x = outer[i] as number;
      const y = outer[i + 1] as number;
      if (x < west) west = x;
      if (y < south) south = y;
      if (x > east) east = x;
      if (y > north) north = y;
    }
  }
  const bbox: BBox = [west, south, east, north];
  return { parts, bbox };
}

const OUTSIDE = 0;
const INSIDE = 1;
const ON_EDGE = 2;

function ringRelation(ring: FlatRing, x: number, y: number): number {
  if (y < ring.minLat - ON_EDGE_DEG || y > ring.maxLat + ON_EDGE_DEG) return OUTSIDE;
  // The same banding as bandRing's, so y's band holds every edge that spans y.
  const b = bandOf(y, ring.minLat, ring.bandLatDeg, ring.bandCount);
  const { coords, bandEdges } = ring;
  let inside = false;
  for (let j = ring.bandStart[b] as number, end = ring.bandStart[b + 1] as number; j < end; j++) {
    const i = 2 * (bandEdges[j] as number);
    const ax = coords[i] as number;
    const ay = coords[i + 1] as number;
    const bx = coords[i + 2] as number;
    const by = coords[i + 3] as number;
    if (
      x >= Math.min(ax, bx) - ON_EDGE_DEG && x <= Math.max(ax, bx) + ON_EDGE_DEG &&
      y >= Math.min(ay, by) - ON_EDGE_DEG && y <= Math.max(ay, by) + ON_EDGE_DEG
    ) {
      const cross = (bx - ax) * (y - ay) - (by - ay) * (x - ax);
      if (Math.abs(cross) <= ON_EDGE_DEG * Math.hypot(bx - ax, by - ay)) return ON_EDGE;
    }
    // Every edge crossing latitude y lies in y's band, so the crossing count is complete.
    if (ay > y !== by > y && x < ax + ((y - ay) * (bx - ax)) / (by - ay)) inside = !inside;
  }
  return inside ? INSIDE : OUTSIDE;
}

/** Whether (lon, lat) lies inside the polygon or on its boundary (holes' edges included). */
export function containsPoint(polygon: FlatPolygon, lon: number, lat: number): boolean {
  const b = polygon.bbox;
  if (lon < b[0] - ON_EDGE_DEG || lon > b[2] + ON_EDGE_DEG || lat < b[1] - ON_EDGE_DEG || lat > b[3] + ON_EDGE_DEG) return false;
  for (const part of polygon.parts) {
    const outer = part[0];
    if (!outer) continue;
    const relation = ringRelation(outer, lon, lat);
    if (relation === OUTSIDE) continue;
    if (relation === ON_EDGE) return true;
    let inHole = false;
    for (let h = 1; h < part.length && !inHole; h++) {
      const holeRelation = ringRelation(part[h] as FlatRing, lon, lat);
      if (holeRelation === ON_EDGE) return true;
      inHole = holeRelation === INSIDE;
    }
    if (!inHole) return true;
  }
  return false;
}
