// Sorting for the hamlet table: by name (Vietnamese collation), population or any share.
// Missing figures (null) always sink to the bottom, whichever the direction.
import type { HamletReport, HamletShares } from '../engine/types.ts';

export type HamletColumn = 'name' | 'population' | keyof HamletShares;
export type SortDirection = 'ascending' | 'descending';

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });

function valueOf(h: HamletReport, column: HamletColumn): string | number | null {
  if (column === 'name') return h.name;
  if (column === 'population') return h.population;
  return h.share[column];
}

/** A sorted copy of the hamlets; ties keep file order. */
export function sortHamlets(hamlets: readonly HamletReport[], column: HamletColumn, direction: SortDirection): HamletReport[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return hamlets
    .map((h, index) => ({ h, index, v: valueOf(h, column) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v === b.v) return a.index - b.index;
        return a.v === null ? 1 : -1;
      }
      const cmp = typeof a.v === 'string' ? collator.compare(a.v, String(b.v)) : a.v - Number(b.v);
      return cmp === 0 ? a.index - b.index : sign * cmp;
    })
    .map(({ h }) => h);
}
