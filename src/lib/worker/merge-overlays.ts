// Runs on the page: a drag frame's overlays laid over the full ones drawn before. Apart
// from overlays.ts so the page bundle does not pull in the analyses that compute them.
import type { Overlays } from './protocol.ts';

/** Overlays of a drag frame over those drawn before: what the frame left null stays as it was. */
export function mergeOverlays(previous: Overlays | null, next: Overlays): Overlays {
  if (next.detail === 'full' || !previous) return next;
  return {
    ...next,
    coverage: next.coverage ?? previous.coverage,
    holes: next.holes ?? previous.holes,
    uniformHamlets: next.uniformHamlets ?? previous.uniformHamlets,
    uncoveredPopulation: next.uncoveredPopulation ?? previous.uncoveredPopulation,
    measured: next.measured ?? previous.measured,
  };
}
