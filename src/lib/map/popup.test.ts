import { describe, expect, it } from 'vitest';
import type { Cell, Report } from '../engine/types.ts';
import { popupContent } from './popup.ts';

const REPORT: Report = {
  area: { id: 't', name: 'Xã', sample: false },
  year: null,
  population: 1200,
  metrics: {} as Report['metrics'],
  targets: [],
  hamlets: [
    { id: 'x1', name: 'Xóm <img src=x onerror=alert(1)>', population: 1200, share: { '4g': 1, '5g': 0.5, mobile_bb: 1, fiber: null, fiber_1g: null } },
  ],
};

const CELL: Cell = {
  id: 'c2', site_id: 's1', name: 'Trạm A', carrier: 'Viettel', lon: 105.9, lat: 21.5, tech: '5G', band_mhz: 3500,
  height_m: 30, azimuth_deg: 90, beamwidth_deg: 65, eirp_dbm: null, range_m: 600, status: 'planned', on_air_year: 2027,
};

describe('popupContent', () => {
  it('shows a hamlet with its figures from the report, names verbatim', () => {
    const vi = popupContent('hamlet-fill', { id: 'x1' }, { lang: 'vi', report: REPORT, cells: [] });
    expect(vi.title).toBe('Xóm <img src=x onerror=alert(1)>');
    expect(vi.rows).toContainEqual(['Dân số', '1.200']);
    expect(vi.rows).toContainEqual(['5G', '50,0 %']);
    expect(vi.rows).toContainEqual(['Cáp quang', '—']);
    const en = popupContent('hamlet-fill', { id: 'x1' }, { lang: 'en', report: REPORT, cells: [] });
    expect(en.rows).toContainEqual(['Population', '1,200']);
  });

  it('lists the cells of a clicked site with status and year', () => {
    const content = popupContent('sites', { site_id: 's1' }, { lang: 'en', report: REPORT, cells: [CELL] });
    expect(content.title).toBe('Trạm A');
    expect(content.rows).toHaveLength(1);
    expect(content.rows[0]?.[1]).toContain('Viettel 5G 3500 MHz');
    expect(content.rows[0]?.[1]).toContain('Planned 2027');
  });

  it('says whether each technology covers a priority place', () => {
    const props = { name: 'Trường', type: 'school', cov_4g: true, cov_5g: false, cov_mobile_bb: true, cov_fiber: false, cov_fiber_1g: false };
    const content = popupContent('pois', props, { lang: 'vi', report: REPORT, cells: [] });
    expect(content.rows).toContainEqual(['Loại', 'Trường học']);
    expect(content.rows).toContainEqual(['4G', 'Được phủ']);
    expect(content.rows).toContainEqual(['5G', 'Chưa được phủ']);
  });

  it('shows a missing measured figure as a dash, not as 0', () => {
    const content = popupContent('speedtests', { carrier: 'VNPT', tech: '4G', down_mbps: 3.2, kind: 'mobile' }, { lang: 'en', report: null, cells: [] });
    expect(content.rows).toContainEqual(['Upload (Mb/s)', '—']);
    expect(content.rows).toContainEqual(['Kind', 'mobile']);
    expect(content.rows).toContainEqual(['Download (Mb/s)', '3.2']);
  });
});
