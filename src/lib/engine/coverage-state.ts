// Per-hamlet coverage shares for a set of on-air items, kept so that one item can be
// added or removed cheaply (spec: data-package.md, Population inside coverage).
// - Point-model hamlets: a count per point and layer of the items covering it, and per
//   hamlet the population of its covered points; an item changes only the points in its box.
// - Uniform hamlets: the items whose box meets the hamlet, and one NonZero Clipper
//   intersection per share: area(h ∩ ∪items) / area(h), each item culled to the hamlet's
//   box first (cull.ts); an item re-clips only the hamlets whose box its polygon reaches
//   into, lazily, when shares are next read.
import { intersectionAreaM2 } from './clip.ts';
import { cullPaths } from './cull.ts';
import type { PackageContext } from './context.ts';
import { LAYER_BITS, LAYER_FIBER, LAYER_FIBER_1G, LAYER_4G, LAYER_5G, SHARE_KEYS, SHARE_MASKS, type CoverItem } from './items.ts';
import { forEachCoveredPoint } from './point-cover.ts';

const SHARES = SHARE_KEYS.length;
const ALL_SHARES = (1 << SHARES) - 1;

/** Bit s set ⇔ share SHARE_KEYS[s] is covered, from the per-layer counts of point k. */
function pointShareBits(counts: readonly Uint16Array[], k: number): number {
  let layers = 0;
  for (let l = 0; l < counts.length; l++) if (((counts[l] as Uint16Array)[k] as number) > 0) layers |= LAYER_BITS[l] as number;
  return shareBitsOfLayers(layers);
}

/** Bit s set ⇔ an item with these layers counts towards share SHARE_KEYS[s]. */
function shareBitsOfLayers(layers: number): number {
  let bits = 0;
  for (let s = 0; s < SHARE_MASKS.length; s++) if (layers & (SHARE_MASKS[s] as number)) bits |= 1 << s;
  return bits;
}

export class CoverageState {
  /** counts[l][k]: items of layer LAYER_BITS[l] covering point k (incremental states only). */
  private readonly counts: Uint16Array[] | null;
  /** coveredPop[h * SHARES + s]: weight of hamlet h's points covered for share s. */
  private readonly coveredPop: Float64Array;
  /** Items whose box meets each uniform-model hamlet (null for point-model hamlets). */
  private readonly hamletItems: (Set<CoverItem> | null)[];
  private readonly uniformShare: Float64Array;
  /** Bit s of dirty[h]: hamlet h's uniform share s must be clipped again. */
  private readonly dirty: Uint8Array;
  private readonly dirtyHamlets = new Set<number>();
  /** Points covered by items added one by one (scenario cells), for their removal. */
  private readonly coveredPoints = new Map<CoverItem, Uint32Array>();
  /** Reused buffer for the points an item covers (drag frames should not feed the GC). */
  private scratch = new Uint32Array(1024);

  /**
   * Coverage of `items`. `incremental: false` is for one-shot reports: it keeps one bit
   * per point and layer instead of counts and skips points an item cannot change, but
   * then items cannot be added or removed.
   */
  constructor(
    private readonly ctx: PackageContext,
    items: Iterable<CoverItem>,
    options: { incremental: boolean },
  ) {
    const hamletCount = ctx.pkg.hamlets.length;
    const pointCount = ctx.population.pop.length;
    this.coveredPop = new Float64Array(hamletCount * SHARES);
    this.uniformShare = new Float64Array(hamletCount * SHARES);
    this.dirty = new Uint8Array(hamletCount);
    this.hamletItems = ctx.pkg.hamlets.map((_, h) => (ctx.usesPoints(h) ? null : new Set<CoverItem>()));
    const counts = options.incremental ? LAYER_BITS.map(() => new Uint16Array(pointCount)) : null;
    // One-shot: the layers covering each point, OR-ed; a point already covered for all of
    // an item's layers need not be tested against it.
    const layersAt = new Uint8Array(counts ? 0 : pointCount);
    this.counts = counts;
    for (const item of items) {
      if (counts) this.countPoints(item, 1);
      else {
        const layers = item.layers;
        const done = (k: number) => ((layersAt[k] as number) & layers) === layers;
        forEachCoveredPoint(item, ctx.population, (k) => (layersAt[k] = (layersAt[k] as number) | layers), done);
      }
      this.attachToHamlets(item, true, false);
    }
    const { pop, hamlet } = ctx.population;
    for (let k = 0; k < pointCount; k++) {
      const h = hamlet[k] as number;
      if (h < 0) continue;
      const bits = counts ? pointShareBits(counts, k) : shareBitsOfLayers(layersAt[k] as number);
      for (let s = 0; s < SHARES; s++) if (bits & (1 << s)) this.addCovered(h * SHARES + s, pop[k] as number);
    }
    this.hamletItems.forEach((set, h) => {
      if (set) this.markDirty(h, ALL_SHARES);
    });
  }

  /** Adds an item's coverage. */
  add(item: CoverItem): void {
    this.update(item, 1);
  }

  /** Takes an item's coverage away (the same object that was added). */
  remove(item: CoverItem): void {
    this.update(item, -1);
  }

  /** Shares of hamlet h in SHARE_KEYS order, 0..1. */
  shares(h: number): number[] {
    this.flush();
    const weight = this.ctx.population.hamletWeight[h] as number;
    const byPoints = this.ctx.usesPoints(h);
    const out: number[] = [];
    for (let k = 0; k < SHARES; k++) {
      const share = byPoints ? (this.coveredPop[h * SHARES + k] as number) / weight : (this.uniformShare[h * SHARES + k] as number);
      out.push(Math.min(1, Math.max(0, share)));
    }
    return out;
  }

  /** Whether population point k is covered for share SHARE_KEYS[s] (incremental states only). */
  pointCovered(k: number, s: number): boolean {
    if (!this.counts) throw new Error('CoverageState: per-point coverage is kept by incremental states only');
    return (pointShareBits(this.counts, k) & (1 << s)) !== 0;
  }

  private update(item: CoverItem, delta: 1 | -1): void {
    const { pop, hamlet } = this.ctx.population;
    this.countPoints(item, delta, (i, before, after) => {
      const changed = before ^ after;
      const h = hamlet[i] as number;
      for (let k = 0; k < SHARES; k++) {
        if (changed & (1 << k)) this.addCovered(h * SHARES + k, after & (1 << k) ? (pop[i] as number) : -(pop[i] as number));
      }
    });
    this.attachToHamlets(item, delta === 1, true);
  }

  /**
   * Applies `delta` to the counts of the points the item covers; reports points whose
   * shares changed. Points an added item covers are remembered, so taking it away (every
   * drag frame) needs no geometry.
   */
  private countPoints(item: CoverItem, delta: 1 | -1, onChange?: (k: number, before: number, after: number) => void): void {
    const all = this.counts;
    if (!all) throw new Error('CoverageState: items can only be added or removed in an incremental state');
    const layers = all.filter((_, l) => (item.layers & (LAYER_BITS[l] as number)) !== 0);
    const apply = (k: number) => {
      const before = onChange ? pointShareBits(all, k) : 0;
      for (const counts of layers) counts[k] = (counts[k] as number) + delta;
      if (onChange) {
        const after = pointShareBits(all, k);
        if (after !== before) onChange(k, before, after);
      }
    };
    const known = this.coveredPoints.get(item);
    if (delta === -1 && known) {
      known.forEach(apply);
      this.coveredPoints.delete(item);
      return;
    }
    let count = 0;
    forEachCoveredPoint(item, this.ctx.population, (k) => {
      apply(k);
      if (count === this.scratch.length) {
        const grown = new Uint32Array(this.scratch.length * 2);
        grown.set(this.scratch);
        this.scratch = grown;
      }
      this.scratch[count++] = k;
    });
    if (delta === 1 && onChange) this.coveredPoints.set(item, this.scratch.slice(0, count));
  }

  private addCovered(slot: number, weight: number): void {
    this.coveredPop[slot] = (this.coveredPop[slot] as number) + weight;
  }

  /**
   * Adds the item to (or takes it from) the item sets of the uniform hamlets its box meets.
   * `dirty` marks the shares it counts towards for clipping again, but only in hamlets its
   * polygon reaches into the box of: elsewhere it cannot change the intersection.
   */
  private attachToHamlets(item: CoverItem, attach: boolean, dirty: boolean): void {
    const affected = shareBitsOfLayers(item.layers);
    for (const h of this.ctx.hamletsTouching(item.bbox)) {
      const set = this.hamletItems[h];
      if (!set) continue;
      if (attach) set.add(item);
      else set.delete(item);
      if (dirty && cullPaths(item.paths(this.ctx.projection), this.ctx.hamletBounds(h)).length > 0) this.markDirty(h, affected);
    }
  }

  private markDirty(h: number, shareBits: number): void {
    this.dirty[h] = (this.dirty[h] as number) | shareBits;
    this.dirtyHamlets.add(h);
  }

  private flush(): void {
    for (const h of this.dirtyHamlets) this.clipHamlet(h, this.dirty[h] as number);
    this.dirtyHamlets.clear();
  }

  /** Recomputes the uniform shares `shareBits` of hamlet h by clipping. */
  private clipHamlet(h: number, shareBits: number): void {
    this.dirty[h] = 0;
    const items = [...(this.hamletItems[h] ?? [])];
    const areaM2 = this.ctx.hamletAreaM2(h);
    const present = items.reduce((acc, item) => acc | item.layers, 0);
    const allFiberGigabit = items.every((item) => !(item.layers & LAYER_FIBER) || (item.layers & LAYER_FIBER_1G));
    const base = h * SHARES;
    for (let k = 0; k < SHARES; k++) {
      if (!(shareBits & (1 << k))) continue;
      const key = SHARE_KEYS[k];
      // A share whose items are those of a lower one reuses its clip: lower shares are
      // either clean or were just clipped in this loop.
      if (key === 'mobile_bb' && !(present & LAYER_5G)) this.uniformShare[base + k] = this.uniformShare[base] as number;
      else if (key === 'mobile_bb' && !(present & LAYER_4G)) this.uniformShare[base + k] = this.uniformShare[base + 1] as number;
      else if (key === 'fiber_1g' && allFiberGigabit) this.uniformShare[base + k] = this.uniformShare[base + 3] as number;
      else this.uniformShare[base + k] = this.clipShare(h, items, SHARE_MASKS[k] as number, areaM2);
    }
  }

  private clipShare(h: number, items: readonly CoverItem[], mask: number, areaM2: number): number {
    if (!(areaM2 > 0)) return 0;
    // Only the parts of the items near the hamlet: the same region, far fewer edges to sweep.
    const clip = cullPaths(items.filter((item) => item.layers & mask).flatMap((item) => item.paths(this.ctx.projection)), this.ctx.hamletBounds(h));
    if (clip.length === 0) return 0;
    return intersectionAreaM2(this.ctx.hamletPaths(h), clip) / areaM2;
  }
}
