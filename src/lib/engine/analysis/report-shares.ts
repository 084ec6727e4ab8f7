// The report's per-hamlet shares, checked to belong to the package they are used with:
// the analyses pair report rows with package hamlets by position, so a report of another
// package (or another order) must fail loudly rather than mislabel hamlets.
import type { DataPackage, HamletShares, Report } from '../types.ts';

/** The report's shares in package hamlet order; throws when the report's hamlets are not the package's. */
export function reportShares(pkg: DataPackage, report: Report): HamletShares[] {
  if (report.hamlets.length !== pkg.hamlets.length) {
    throw new Error(`report has ${report.hamlets.length} hamlets but the package has ${pkg.hamlets.length}: expected the report of this package`);
  }
  return pkg.hamlets.map((hamlet, i) => {
    const row = report.hamlets[i];
    if (row?.id !== hamlet.id) {
      throw new Error(`report hamlet ${i + 1} is "${row?.id}" but the package's is "${hamlet.id}": expected the report of this package`);
    }
    return row.share;
  });
}
