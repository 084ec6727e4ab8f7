// Greedy maximal coverage with lazy evaluation (CELF, Leskovec et al. 2007): each pick
// takes the location whose set adds the most weight not yet covered. Covering more can
// only shrink a location's gain (the objective is submodular), so a gain computed in an
// earlier round is an upper bound: only the head of the queue is re-evaluated, and once
// the head's gain is current it is the best. Picks are the same as plain greedy's.
import FlatQueue from 'flatqueue';

export interface Pick {
  /** Index of the location in the sets given. */
  location: number;
  /** Weight it newly covers. */
  gain: number;
  /** The points it newly covers. */
  newlyCovered: Uint32Array;
}

export class LazyGreedy {
  /** Min-queue of locations by −gain. */
  private readonly queue = new FlatQueue<number>();
  private readonly covered: Uint8Array;
  private readonly gain: Float64Array;
  /** The round in which gain[i] was computed; round r is the search for pick r + 1. */
  private readonly computedIn: Int32Array;
  private round = 0;
  /** Gain evaluations so far, the initial one per location included. */
  evaluations = 0;

  /** `sets[i]`: the points location i covers (no repeats); `weight[k]`: what covering point k is worth (≥ 0). */
  constructor(
    private readonly sets: readonly Uint32Array[],
    private readonly weight: Float64Array,
  ) {
    this.covered = new Uint8Array(weight.length);
    this.gain = new Float64Array(sets.length);
    this.computedIn = new Int32Array(sets.length);
    for (let i = 0; i < sets.length; i++) {
      const g = this.gainOf(i);
      this.gain[i] = g;
      if (g > 0) this.queue.push(i, -g);
    }
  }

  /** The next pick, its points then counting as covered; null when no location adds anything. */
  next(): Pick | null {
    for (;;) {
      const i = this.queue.pop();
      if (i === undefined) return null;
      if (this.computedIn[i] !== this.round) {
        const g = this.gainOf(i);
        this.gain[i] = g;
        this.computedIn[i] = this.round;
        if (g > 0) this.queue.push(i, -g);
        continue;
      }
      this.round++;
      return { location: i, gain: this.gain[i] as number, newlyCovered: this.cover(i) };
    }
  }

  private gainOf(i: number): number {
    this.evaluations++;
    let sum = 0;
    for (const k of this.sets[i] as Uint32Array) if (!this.covered[k]) sum += this.weight[k] as number;
    return sum;
  }

  private cover(i: number): Uint32Array {
    const set = this.sets[i] as Uint32Array;
    const fresh = set.filter((k) => this.covered[k] === 0);
    for (const k of fresh) this.covered[k] = 1;
    return fresh;
  }
}
