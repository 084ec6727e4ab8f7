// The one seeded PRNG of the project's generators, benchmarks and randomised tests, so a
// seed means the same numbers everywhere. mulberry32: tiny, fast, good enough for placing
// synthetic data (not for anything cryptographic).

/** A generator of uniform numbers in [0, 1) for `seed` (taken as a 32-bit unsigned integer). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
