// Words of the printed quarterly report beyond vocab.ts: the report's own headings, the
// change since the last period, priority places and data sources. Kept apart from
// vocab.ts so the dashboard's shared vocabulary stays small.
import { parsePeriod } from '../engine/history.ts';
import { formatDeadline, formatNumber, type Lang } from './vocab.ts';

type Words = Record<Lang, string>;

const REPORT_TERMS = {
  reportPeriod: { vi: 'Kỳ báo cáo', en: 'Reporting period' },
  province: { vi: 'tỉnh', en: 'province' },
  map: { vi: 'Bản đồ', en: 'Map' },
  map5gCaption: {
    vi: 'Tỷ lệ dân số được phủ sóng 5G theo xóm (số trên bản đồ là số thứ tự xóm trong bảng)',
    en: 'Share of each hamlet’s population covered by 5G (numbers are the hamlets’ row numbers in the table)',
  },
  changes: { vi: 'Thay đổi so với kỳ trước', en: 'Change since the last period' },
  changesNote: {
    vi: 'So sánh số liệu hiện nay với số liệu đã báo cáo gần nhất trước kỳ này (history.csv).',
    en: 'Today’s figures against the latest figures reported before this period (history.csv).',
  },
  noHistory: {
    vi: 'Chưa có số liệu các kỳ trước cho các chỉ tiêu này (history.csv).',
    en: 'No earlier figures for these metrics (history.csv).',
  },
  previousPeriod: { vi: 'Kỳ trước', en: 'Previous period' },
  previousValue: { vi: 'Số liệu kỳ trước', en: 'Previous figure' },
  now: { vi: 'Hiện nay', en: 'Now' },
  change: { vi: 'Thay đổi', en: 'Change' },
  source: { vi: 'Nguồn', en: 'Source' },
  priorityPlaces: { vi: 'Địa điểm ưu tiên chưa được phủ', en: 'Priority places not yet covered' },
  priorityNote: {
    vi: 'Trụ sở, trường học, trạm y tế, nhà văn hoá… chưa có băng rộng di động hoặc cáp quang.',
    en: 'Commune HQ, schools, health stations, culture houses… without mobile broadband or fiber.',
  },
  noPriorityPlaces: { vi: 'Gói dữ liệu không có địa điểm ưu tiên (pois.geojson).', en: 'The package has no priority places (pois.geojson).' },
  place: { vi: 'Địa điểm', en: 'Place' },
  placeType: { vi: 'Loại', en: 'Type' },
  missing: { vi: 'Còn thiếu', en: 'Missing' },
  dataSources: { vi: 'Nguồn dữ liệu', en: 'Data sources' },
  dataFiles: { vi: 'Các tệp dữ liệu', en: 'Data files' },
  page: { vi: 'Trang', en: 'Page' },
  rowNumber: { vi: 'TT', en: 'No.' },
} satisfies Record<string, Words>;

export type ReportTerm = keyof typeof REPORT_TERMS;

/** A fixed heading or phrase of the printed report. */
export function reportTerm(key: ReportTerm, lang: Lang): string {
  return REPORT_TERMS[key][lang];
}

/** "Tất cả 12 địa điểm ưu tiên đều có…" / "All 12 priority places have…". */
export function allPlacesCovered(count: number, lang: Lang): string {
  return lang === 'vi'
    ? `Tất cả ${count} địa điểm ưu tiên đều đã có băng rộng di động và cáp quang.`
    : `All ${count} priority places have mobile broadband and fiber.`;
}

/** "3/12 địa điểm…" — how many of the places lack something. */
export function placesMissing(missing: number, total: number, lang: Lang): string {
  return lang === 'vi'
    ? `${missing}/${total} địa điểm ưu tiên còn thiếu băng rộng di động hoặc cáp quang.`
    : `${missing} of ${total} priority places lack mobile broadband or fiber.`;
}

/** A history period: "Quý III/2026" / "Q3 2026" for a quarter, "Năm 2025" / "2025" for a year. */
export function formatPeriod(period: string, lang: Lang): string {
  const parsed = parsePeriod(period);
  if (parsed && parsed.quarter === null) return lang === 'vi' ? `Năm ${parsed.year}` : String(parsed.year);
  return formatDeadline(period, lang);
}

/** The quarter a day falls in, as a deadline-style period "2026-Q4". */
export function quarterOf(day: Date): string {
  return `${day.getUTCFullYear()}-Q${Math.floor(day.getUTCMonth() / 3) + 1}`;
}

/** A signed change in percentage points with one decimal: "+4,0 điểm %", "−1,2 pp"; null ⇒ "—". */
export function formatChangePp(pp: number | null, lang: Lang): string {
  if (pp === null) return '—';
  const size = formatNumber(Math.abs(pp), lang, 1);
  // Below the printed precision there is no direction to show.
  const sign = Math.abs(pp) < 0.05 ? '±' : pp > 0 ? '+' : '−';
  return lang === 'vi' ? `${sign}${size} điểm %` : `${sign}${size} pp`;
}
