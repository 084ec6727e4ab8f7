import { parse, type DefaultTreeAdapterMap, type ParserError } from 'parse5';
import { describe, expect, it } from 'vitest';
import type { HamletGeometry, HistoryRow, Report } from '../engine/types.ts';
import { reportHtml, type ReportHtmlInput } from './html.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const HOSTILE = '<script>alert("x")</script> & "</style>';

function square(west: number): HamletGeometry {
  const [south, east, north] = [21.6, west + 0.01, 21.61];
  return { type: 'Polygon', coordinates: [[[west, south], [east, south], [east, north], [west, north], [west, south]]] };
}

function sampleReport(): Report {
  return {
    area: { id: 'namhoa', name: 'Xã Nam Hoà', sample: true },
    year: null,
    population: 1300,
    metrics: {
      'pop_share.4g': 0.97,
      'pop_share.5g': 0.377,
      'pop_share.mobile_bb': 0.97,
      'pop_share.fiber': 0.8,
      'pop_share.fiber_1g': null,
      'hamlet_share.mobile_bb': 0.5,
      'hamlet_share.fiber': 0.5,
      'indicator.ipv6_share': 0.62,
      'indicator.esign_adult_share': null,
    },
    targets: [
      { id: 'mbb_2030', metric: 'pop_share.mobile_bb', op: '>=', value: 0.99, deadline: '2030-Q4', clause: 'II.2', actual: 0.97, met: false },
      { id: '5g_2026', metric: 'pop_share.5g', op: '>', value: 0.5, deadline: '2026-Q4', clause: 'II.1.a', actual: 0.377, met: false },
      { id: 'ipv6_2026', metric: 'indicator.ipv6_share', op: '>', value: 0.5, deadline: '2026-Q4', clause: HOSTILE, actual: 0.62, met: true },
      { id: 'fiber_2026', metric: 'hamlet_share.fiber', op: '>=', value: 1, deadline: '2026-Q2', clause: 'II.1.d', actual: 0.5, met: false },
    ],
    hamlets: [
      { id: 'h01', name: HOSTILE, population: 800, share: { '4g': 1, '5g': 0.35, mobile_bb: 1, fiber: 0.95, fiber_1g: null } },
      { id: 'h02', name: 'Xóm Đồng Bãi', population: 500, share: { '4g': 0.85, '5g': 0, mobile_bb: 0.85, fiber: 0.5, fiber_1g: null } },
    ],
  };
}

const HISTORY: HistoryRow[] = [
  { period: '2026-Q3', metric: 'pop_share.5g', value: 0.3, source: `Báo cáo ${HOSTILE}` },
  { period: '2026-Q4', metric: 'pop_share.5g', value: 0.36, source: null },
];

function input(changes: Partial<ReportHtmlInput> = {}): ReportHtmlInput {
  return {
    report: sampleReport(),
    lang: 'vi',
    asOf: new Date(Date.UTC(2026, 10, 25)),
    province: 'Thái Nguyên',
    notes: `Dữ liệu minh hoạ.\n${HOSTILE}`,
    hamletCoverageThreshold: 0.9,
    history: HISTORY,
    priorityPlaces: [
      { name: 'UBND xã', type: 'commune_hq', coverage: { '4g': true, '5g': true, mobile_bb: true, fiber: true, fiber_1g: true } },
      { name: `Trường ${HOSTILE}`, type: 'school', coverage: { '4g': true, '5g': false, mobile_bb: true, fiber: false, fiber_1g: false } },
      { name: 'Trạm y tế', type: 'health', coverage: { '4g': false, '5g': false, mobile_bb: false, fiber: false, fiber_1g: false } },
    ],
    files: ['area.json', 'hamlets.geojson', 'history.csv'],
    hamletGeometries: [square(105.8), square(105.81)],
    ...changes,
  };
}

/** The parsed document, failing the test on any HTML parse error (WHATWG rules). */
function parseStrict(html: string) {
  const errors: ParserError[] = [];
  const doc = parse(html, { onParseError: (e) => errors.push(e), sourceCodeLocationInfo: true });
  expect(errors.map((e) => `${e.code} at line ${e.startLine}`)).toEqual([]);
  return doc;
}

function elements(node: Node, out: Element[] = []): Element[] {
  if ('tagName' in node) out.push(node);
  if ('childNodes' in node) for (const child of node.childNodes) elements(child, out);
  if ('content' in node && node.content) elements(node.content, out);
  return out;
}

function text(node: Node): string {
  if (node.nodeName === '#text') return 'value' in node ? node.value : '';
  return 'childNodes' in node ? node.childNodes.map(text).join('') : '';
}

const attr = (el: Element, name: string): string | undefined => el.attrs.find((a) => a.name === name)?.value;
const byId = (all: Element[], id: string): Element | undefined => all.find((el) => attr(el, 'id') === id);
const rowsOf = (el: Element): string[][] =>
  elements(el)
    .filter((e) => e.tagName === 'tr' && e.parentNode && 'tagName' in e.parentNode && e.parentNode.tagName === 'tbody')
    .map((tr) => elements(tr).filter((c) => c.tagName === 'td').map(text));

describe('reportHtml', () => {
  const html = reportHtml(input());
  const all = elements(parseStrict(html));

  it('is one valid, self-contained HTML document: doctype, language, charset, no scripts or outside requests', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="vi">')).toBe(true);
    expect(all.some((el) => el.tagName === 'meta' && attr(el, 'charset') === 'utf-8')).toBe(true);
    expect(all.filter((el) => ['script', 'link', 'iframe', 'object'].includes(el.tagName))).toEqual([]);
    expect(all.filter((el) => attr(el, 'src') !== undefined || attr(el, 'href') !== undefined)).toEqual([]);
    expect(html).not.toMatch(/url\(|@import|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expect(all.filter((el) => el.tagName === 'style')).toHaveLength(1);
  });

  it('titles the report with the quarter of its day, the area and province, and prints A4 pages with numbers', () => {
    expect(text(all.find((el) => el.tagName === 'h1')!)).toBe('Báo cáo hạ tầng số — Quý IV/2026');
    expect(text(all.find((el) => el.tagName === 'title')!)).toBe('Báo cáo hạ tầng số — Quý IV/2026 — Xã Nam Hoà');
    const facts = text(all.find((el) => el.tagName === 'dl')!);
    expect(facts).toContain('Ngày lập25/11/2026');
    expect(facts).toContain('Tổng dân số1.300 người');
    expect(html).toContain('Xã Nam Hoà, tỉnh Thái Nguyên');
    const css = text(all.find((el) => el.tagName === 'style')!);
    expect(css).toContain('size: A4 portrait');
    expect(css).toContain('counter(page) " / " counter(pages)');
    expect(text(all.find((el) => attr(el, 'role') === 'note')!)).toBe('Dữ liệu minh hoạ (không phải số liệu chính thức)');
  });

  it('lists every target once, grouped by deadline year, with status words and colours', () => {
    const targets = byId(all, 'targets')!;
    expect(elements(targets).filter((e) => e.tagName === 'h3').map(text)).toEqual(['Thời hạn năm 2026', 'Thời hạn năm 2030']);
    const rows = rowsOf(targets);
    expect(rows.map((r) => r[0])).toEqual([
      'Tỷ lệ dân số được phủ sóng 5G',
      'Tỷ lệ sử dụng IPv6',
      'Tỷ lệ xóm có cáp quang',
      'Tỷ lệ dân số được phủ sóng băng rộng di động',
    ]);
    expect(rows[0]).toEqual(['Tỷ lệ dân số được phủ sóng 5G', '> 50 %', '37,7 %', 'Chưa đạt (thiếu 12,3 điểm %)', 'Quý IV/2026', 'II.1.a']);
    expect(rows[1]?.[5]).toBe(HOSTILE);
    expect(rows[2]?.[3]).toBe('Quá hạn (thiếu 50,0 điểm %)');
    const statusClasses = elements(targets).filter((e) => attr(e, 'class')?.startsWith('status ')).map((e) => attr(e, 'class'));
    expect(statusClasses).toEqual(['status status-not_met', 'status status-met', 'status status-overdue', 'status status-not_met']);
  });

  it('has a row per hamlet in order, numbered, with the commune total, shading shares below the threshold', () => {
    const hamlets = byId(all, 'hamlets')!;
    const rows = rowsOf(hamlets);
    expect(rows).toEqual([
      ['1', HOSTILE, '800', '100,0 %', '35,0 %', '100,0 %', '95,0 %', '—'],
      ['2', 'Xóm Đồng Bãi', '500', '85,0 %', '0,0 %', '85,0 %', '50,0 %', '—'],
      ['', 'Toàn xã', '1.300', '97,0 %', '37,7 %', '97,0 %', '80,0 %', '—'],
    ]);
    const shaded = elements(hamlets).filter((e) => e.tagName === 'td' && attr(e, 'class')?.includes('below')).map(text);
    expect(shaded).toEqual(['85,0 %', '50,0 %']);
    // The table header repeats on every printed page only if it is a real <thead>.
    expect(elements(hamlets).filter((e) => e.tagName === 'thead')).toHaveLength(1);
  });

  it('escapes hostile names everywhere: no element, script or broken style comes from the data', () => {
    expect(all.filter((el) => el.tagName === 'script')).toEqual([]);
    expect(html.split('<script>')).toHaveLength(1);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &quot;&lt;/style&gt;');
    const svgTitles = all.filter((el) => el.tagName === 'title' && el.parentNode && 'tagName' in el.parentNode && el.parentNode.tagName === 'path').map(text);
    expect(svgTitles).toEqual([`1. ${HOSTILE}: 35,0 %`, '2. Xóm Đồng Bãi: 0,0 %']);
  });

  it('shows the change since the last period before this quarter, with its source', () => {
    expect(rowsOf(byId(all, 'changes')!)).toEqual([
      ['Tỷ lệ dân số được phủ sóng 5G', 'Quý III/2026', '30,0 %', '37,7 %', '+7,7 điểm %', `Báo cáo ${HOSTILE}`],
    ]);
    expect(reportHtml(input({ history: [] }))).not.toContain('id="changes"');
  });

  it('lists the priority places that lack mobile broadband or fiber, and what each lacks', () => {
    const places = byId(all, 'places')!;
    expect(rowsOf(places)).toEqual([
      [`Trường ${HOSTILE}`, 'Trường học', 'Cáp quang'],
      ['Trạm y tế', 'Trạm y tế', 'Băng rộng di động, Cáp quang'],
    ]);
    expect(text(places)).toContain('2/3 địa điểm ưu tiên');
  });

  it('names the data sources: the notes line by line and the files', () => {
    const sources = byId(all, 'sources')!;
    expect(elements(sources).filter((e) => e.tagName === 'p').map(text).slice(0, 2)).toEqual(['Dữ liệu minh hoạ.', HOSTILE]);
    expect(elements(sources).filter((e) => e.tagName === 'li').map(text)).toEqual(['area.json', 'hamlets.geojson', 'history.csv']);
  });

  it('draws the hamlets coloured by 5G share with their row numbers, or uses the map picture it is given', () => {
    const svg = all.find((el) => el.tagName === 'svg')!;
    const fills = elements(svg).filter((e) => e.tagName === 'path').map((e) => attr(e, 'fill'));
    // 35 % falls in the 25–50 % step, 0 % in the lowest (viridis, map/colors.ts).
    expect(fills).toEqual(['#3b528b', '#440154']);
    expect(elements(svg).filter((e) => e.tagName === 'text').map(text)).toEqual(['1', '2']);
    const png = 'data:image/png;base64,iVBORw0KGgo=';
    const withImage = elements(parseStrict(reportHtml(input({ mapImage: png }))));
    expect(withImage.filter((e) => e.tagName === 'svg')).toEqual([]);
    expect(withImage.filter((e) => e.tagName === 'img').map((e) => attr(e, 'src'))).toEqual([png]);
    expect(() => reportHtml(input({ mapImage: 'https://example.com/map.png' }))).toThrow(/mapImage must be a base64 data:image/);
    expect(reportHtml(input({ hamletGeometries: null }))).not.toContain('id="map"');
  });

  it('speaks English with --lang en and leaves the sample notice out for official data', () => {
    const report = { ...sampleReport(), area: { id: 'x', name: 'Xã X', sample: false } };
    const en = reportHtml(input({ lang: 'en', report }));
    const els = elements(parseStrict(en));
    expect(en.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(text(els.find((el) => el.tagName === 'h1')!)).toBe('Digital infrastructure report — Q4 2026');
    expect(en).toContain('Xã X, Thái Nguyên province');
    expect(rowsOf(byId(els, 'targets')!)[0]?.slice(1, 4)).toEqual(['> 50%', '37.7%', 'Not met (12.3 pp short)']);
    expect(els.filter((el) => attr(el, 'role') === 'note')).toEqual([]);
    expect(text(els.find((el) => el.tagName === 'style')!)).toContain('"Page "');
  });

  // Regression: Math.min(...lons) over every vertex threw a RangeError on detailed boundaries.
  it('draws a surveyed boundary of 300 000 vertices, leaving out vertices that round onto the previous one', () => {
    const ring: [number, number][] = [];
    for (let i = 0; i < 300_000; i++) {
      const angle = (2 * Math.PI * i) / 300_000;
      ring.push([105.8 + 0.01 * Math.cos(angle), 21.6 + 0.01 * Math.sin(angle)]);
    }
    ring.push(ring[0]!);
    const detailed: HamletGeometry = { type: 'Polygon', coordinates: [ring] };
    const html = reportHtml(input({ hamletGeometries: [detailed, square(105.82)] }));
    const d = elements(parseStrict(html)).find((e) => e.tagName === 'path')?.attrs.find((a) => a.name === 'd')?.value ?? '';
    const vertices = d.split('L');
    expect(vertices.length).toBeGreaterThan(1000);
    expect(vertices.length).toBeLessThan(300_000 / 4);
    expect(vertices.some((v, i) => i > 0 && v === vertices[i - 1])).toBe(false);
  });
});
