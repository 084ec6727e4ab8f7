import { describe, expect, it } from 'vitest';
import type { Cell, Report } from '../engine/types.ts';
import { measuredAt, popupContent, siteOf, statusText } from './popup.ts';

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

  it('lists the cells of a clicked site with band, direction, reach, status and year', () => {
    const content = popupContent('sites', { site_id: 's1' }, { lang: 'en', report: REPORT, cells: [CELL] });
    expect(content.title).toBe('Trạm A');
    expect(content.rows).toEqual([
      ['Carrier', 'Viettel'],
      // Number and unit held together by a no-break space so a narrow popup never splits them.
      ['5G 3500\u00a0MHz', 'towards 90° · 600\u00a0m · Planned for 2027'],
    ]);
    // A click on a sector's wedge opens the same popup as one on the site.
    expect(popupContent('sector-fill', { site_id: 's1' }, { lang: 'en', report: REPORT, cells: [CELL] })).toEqual(content);
  });

  it('selects the site of a clicked site or wedge, and nothing for other layers', () => {
    expect(siteOf('sites', { site_id: 's1' })).toBe('s1');
    expect(siteOf('sector-fill', { site_id: 's1' })).toBe('s1');
    expect(siteOf('hamlet-fill', { id: 'x1' })).toBeNull();
  });

  it('words a cell status with its year, and a candidate without one', () => {
    expect(statusText('on_air', 2020, 'vi')).toBe('Hoạt động từ năm 2020');
    expect(statusText('planned', 2026, 'vi')).toBe('Kế hoạch năm 2026');
    expect(statusText('planned', null, 'vi')).toBe('Kế hoạch');
    expect(statusText('candidate', 2027, 'vi')).toBe('Vị trí đề xuất');
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

  it('words a measurement’s technology and time, not the raw field values', () => {
    const props = { carrier: 'VNPT', tech: 'fiber', kind: 'fixed', time: '2026-10-22T18:39:55+07:00', down_mbps: 90 };
    const vi = popupContent('speedtests', props, { lang: 'vi', report: null, cells: [] });
    expect(vi.title).toBe('VNPT · Cáp quang');
    expect(vi.rows).toContainEqual(['Thời điểm', '22/10/2026 18:39']);
    expect(vi.rows).toContainEqual(['Loại', 'cố định']);
  });
});

describe('measuredAt', () => {
  it('keeps the clock the time was recorded in, and says when it is UTC', () => {
    expect(measuredAt('2026-10-22T18:39:55+07:00', 'en')).toBe('2026-10-22 18:39');
    expect(measuredAt('2026-09-01T08:00:00Z', 'vi')).toBe('01/09/2026 08:00 UTC');
    expect(measuredAt('2026-09-01', 'vi')).toBe('01/09/2026');
  });

  it('shows text it cannot read as it is, and a missing time as a dash', () => {
    expect(measuredAt('hôm qua', 'vi')).toBe('hôm qua');
    expect(measuredAt(undefined, 'vi')).toBe('—');
  });
});
