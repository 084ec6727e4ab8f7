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

/** Rows the hamlet table draws at first: a province's thousands of rows would take a second to build (and to tear down on a tab switch). */
export const HAMLET_ROWS_PAGE = 200;

/** Folds case and Vietnamese diacritics (đ included), so "cay thi" finds "Cây Thị". */
function searchKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().trim();
}

/** The hamlets whose name contains `query` (ignoring case and diacritics; blank: all), at most `limit` of them, and how many matched. */
export function findHamlets(hamlets: readonly HamletReport[], query: string, limit: number): { rows: HamletReport[]; matched: number } {
  const key = searchKey(query);
  const matches = key === '' ? hamlets : hamlets.filter((h) => searchKey(h.name).includes(key));
  return { rows: matches.length > limit ? matches.slice(0, limit) : [...matches], matched: matches.length };
}
