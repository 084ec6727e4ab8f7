// Commune-level figures from per-hamlet shares (spec: data-package.md, Metrics and
// Edge rules): population-weighted shares, the share of hamlets at the threshold, and
// indicators. Anything that cannot be computed is null, never 0.
import { COMPARE_TOLERANCE } from './status.ts';
import type { DataPackage, HamletShares, Metric } from './types.ts';

/** Σ share·pop / Σ pop for one share key; null when Σ pop is 0 or a share is unknown. */
function popShare(pkg: DataPackage, shares: readonly HamletShares[], key: keyof HamletShares): number | null {
  let total = 0;
  let covered = 0;
  for (const [h, hamlet] of pkg.hamlets.entries()) {
    const share = shares[h]?.[key] ?? null;
    if (share === null) return null;
    total += hamlet.population;
    covered += share * hamlet.population;
  }
  return total > 0 ? covered / total : null;
}

/** #{h : share ≥ threshold} / #hamlets; hamlets with population 0 count too. */
function hamletShare(pkg: DataPackage, shares: readonly HamletShares[], key: keyof HamletShares): number | null {
  if (pkg.hamlets.length === 0) return null;
  let count = 0;
  for (const s of shares) {
    const share = s[key];
    if (share === null) return null;
    if (share >= pkg.area.hamlet_coverage_threshold - COMPARE_TOLERANCE) count++;
  }
  return count / pkg.hamlets.length;
}

/** An indicator of area.json by name (without `indicator.`), or null when absent. */
function indicator(pkg: DataPackage, name: string): number | null {
  return pkg.area.indicators[name]?.value ?? null;
}

/** E-signature share: from hamlets when every one carries adults and esign_adults, else area.json. */
function esignShare(pkg: DataPackage): number | null {
  const hamlets = pkg.hamlets;
  const fromHamlets = hamlets.length > 0 && hamlets.every((h) => h.adults !== null && h.esign_adults !== null);
  if (!fromHamlets) return indicator(pkg, 'esign_adult_share');
  const adults = hamlets.reduce((sum, h) => sum + (h.adults ?? 0), 0);
  const esign = hamlets.reduce((sum, h) => sum + (h.esign_adults ?? 0), 0);
  return adults > 0 ? esign / adults : null;
}

/** Every metric of METRICS for a package, given each hamlet's shares (file order). */
export function computeMetrics(pkg: DataPackage, shares: readonly HamletShares[]): Record<Metric, number | null> {
  return {
    'pop_share.4g': popShare(pkg, shares, '4g'),
    'pop_share.5g': popShare(pkg, shares, '5g'),
    'pop_share.mobile_bb': popShare(pkg, shares, 'mobile_bb'),
    'pop_share.fiber': popShare(pkg, shares, 'fiber'),
    'pop_share.fiber_1g': popShare(pkg, shares, 'fiber_1g'),
    'hamlet_share.mobile_bb': hamletShare(pkg, shares, 'mobile_bb'),
    'hamlet_share.fiber': hamletShare(pkg, shares, 'fiber'),
    'indicator.ipv6_share': indicator(pkg, 'ipv6_share'),
    'indicator.esign_adult_share': esignShare(pkg),
  };
}
