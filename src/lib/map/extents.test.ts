import { describe, expect, it } from 'vitest';
import { accessPoint, cell, hamlet, makePackage, rect } from '../../../tests/unit/fixtures/engine/builders.ts';
import { packageExtents } from './extents.ts';

describe('packageExtents', () => {
  it('boxes each hamlet, and everything drawn (a site outside the hamlets too)', () => {
    const pkg = makePackage({
      hamlets: [hamlet('01', rect(105.9, 21.5, 105.91, 21.51), 100), hamlet('02', rect(105.91, 21.49, 105.93, 21.51), 50)],
      cells: [cell({ id: 'c1', lon: 105.95, lat: 21.505, range_m: 500 })],
      accessPoints: [accessPoint({ id: 'a1', lon: 105.905, lat: 21.48 })],
    });
    const { hamletBounds, bounds } = packageExtents(pkg);
    expect(hamletBounds).toEqual({ '01': [105.9, 21.5, 105.91, 21.51], '02': [105.91, 21.49, 105.93, 21.51] });
    expect(bounds).toEqual([105.9, 21.48, 105.95, 21.51]);
  });

  it('looks at the whole world when the package has nothing to draw', () => {
    expect(packageExtents(makePackage({ hamlets: [] })).bounds).toEqual([-180, -85, 180, 85]);
  });
});
