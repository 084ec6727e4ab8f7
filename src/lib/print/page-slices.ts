// Where the PDF's pages end: the report is rendered as one tall picture, then cut into
// A4-high slices, each cut at the top of a row, heading or block that still fits, so a
// table row or a line of text is never cut in two.

/** [top, bottom) of one page's slice, in the picture's pixels. */
export type Slice = [number, number];

/**
 * Cuts `totalPx` into slices of at most `pageHeightPx`, each ending at the lowest of
 * `breaksPx` (positions where a cut is clean) that fits. A page is never left less than
 * `minFill` full for a clean cut: then it is cut at its full height (a block taller than a page).
 */
export function pageSlices(breaksPx: readonly number[], totalPx: number, pageHeightPx: number, minFill = 0.3): Slice[] {
  if (!(pageHeightPx > 0)) throw new RangeError(`pageSlices: pageHeightPx must be positive; got ${pageHeightPx}`);
  const breaks = [...breaksPx].filter((y) => y > 0 && y < totalPx).sort((a, b) => a - b);
  const slices: Slice[] = [];
  let top = 0;
  while (top < totalPx) {
    const limit = top + pageHeightPx;
    if (limit >= totalPx) {
      slices.push([top, totalPx]);
      break;
    }
    let cut = limit;
    for (const y of breaks) {
      if (y > limit) break;
      if (y >= top + pageHeightPx * minFill) cut = y;
    }
    // No clean cut low enough on this page: `cut` is still the page's full height.
    slices.push([top, cut]);
    top = cut;
  }
  return slices;
}
