// The shared Vietnamese/English vocabulary: metric and technology names, target status
// words, report headings, and number/date formatting. The printed report, the CLI and
// the dashboard all word figures through here so they read the same everywhere.
// Every string is NFC (precomposed diacritics), so comparisons and searches match.
import type { CoverageTech, HamletShares, Metric, TargetOp } from '../engine/types.ts';
import { parseDeadline, type TargetStatus, type TargetStatusKind } from '../engine/status.ts';

export type Lang = 'vi' | 'en';
/** Every language the report and the app speak. */
export const LANGS: readonly Lang[] = ['vi', 'en'];

type Words = Record<Lang, string>;
export type ShareKey = keyof HamletShares;

/** Shown wherever a figure is null: the data to compute it is missing. */
export const NO_DATA_MARK = '—';

const METRIC_LABELS: Record<Metric, Words> = {
  'pop_share.4g': { vi: 'Tỷ lệ dân số được phủ sóng 4G', en: 'Population covered by 4G' },
  'pop_share.5g': { vi: 'Tỷ lệ dân số được phủ sóng 5G', en: 'Population covered by 5G' },
  'pop_share.mobile_bb': {
    vi: 'Tỷ lệ dân số được phủ sóng băng rộng di động',
    en: 'Population covered by mobile broadband',
  },
  'pop_share.fiber': { vi: 'Tỷ lệ dân số được phủ cáp quang', en: 'Population within reach of fiber' },
  'pop_share.fiber_1g': {
    vi: 'Tỷ lệ dân số được phủ cáp quang ≥ 1 Gb/s',
    en: 'Population within reach of fiber ≥ 1 Gb/s',
  },
  'hamlet_share.mobile_bb': { vi: 'Tỷ lệ xóm có băng rộng di động', en: 'Hamlets with mobile broadband' },
  'hamlet_share.fiber': { vi: 'Tỷ lệ xóm có cáp quang', en: 'Hamlets with fiber' },
  'indicator.ipv6_share': { vi: 'Tỷ lệ sử dụng IPv6', en: 'IPv6 adoption' },
  'indicator.esign_adult_share': {
    vi: 'Tỷ lệ người trưởng thành có chữ ký số',
    en: 'Adults with a digital signature',
  },
};

const TECH_LABELS: Record<ShareKey | CoverageTech, Words> = {
  '4g': { vi: '4G', en: '4G' },
  '5g': { vi: '5G', en: '5G' },
  '4G': { vi: '4G', en: '4G' },
  '5G': { vi: '5G', en: '5G' },
  mobile_bb: { vi: 'Băng rộng di động', en: 'Mobile broadband' },
  fiber: { vi: 'Cáp quang', en: 'Fiber' },
  fiber_1g: { vi: 'Cáp quang ≥ 1 Gb/s', en: 'Fiber ≥ 1 Gb/s' },
};

const STATUS_LABELS: Record<TargetStatusKind, Words> = {
  met: { vi: 'Đạt', en: 'Met' },
  not_met: { vi: 'Chưa đạt', en: 'Not met' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  unknown: { vi: 'Không có dữ liệu', en: 'No data' },
};

/** Headings and fixed phrases of the report and the dashboard. */
const TERMS = {
  reportTitle: { vi: 'Báo cáo hạ tầng số', en: 'Digital infrastructure report' },
  sampleNotice: {
    vi: 'Dữ liệu minh hoạ (không phải số liệu chính thức)',
    en: 'Illustrative sample data (not official figures)',
  },
  noData: { vi: 'Không có dữ liệu', en: 'No data' },
  network: { vi: 'Mạng lưới', en: 'Network' },
  networkOnAir: {
    vi: 'hiện trạng (chỉ các trạm đang phát sóng)',
    en: 'as it is now (on-air sites only)',
  },
  reportDate: { vi: 'Ngày lập', en: 'Date' },
  totalPopulation: { vi: 'Tổng dân số', en: 'Total population' },
  people: { vi: 'người', en: 'people' },
  targets: { vi: 'Chỉ tiêu', en: 'Targets' },
  noTargets: { vi: 'Không có chỉ tiêu nào.', en: 'No targets.' },
  metric: { vi: 'Chỉ tiêu', en: 'Metric' },
  target: { vi: 'Mục tiêu', en: 'Target' },
  actual: { vi: 'Thực tế', en: 'Actual' },
  status: { vi: 'Tình trạng', en: 'Status' },
  deadline: { vi: 'Thời hạn', en: 'Deadline' },
  // A plan (kế hoạch) is divided into mục; "Điều khoản" belongs to laws and contracts.
  clause: { vi: 'Mục kế hoạch', en: 'Clause' },
  hamlets: { vi: 'Các xóm', en: 'Hamlets' },
  hamlet: { vi: 'Xóm', en: 'Hamlet' },
  population: { vi: 'Dân số', en: 'Population' },
  belowThreshold: { vi: 'Dưới ngưỡng', en: 'Below threshold' },
  communeTotal: { vi: 'Toàn xã', en: 'Whole commune' },
} satisfies Record<string, Words>;

export type Term = keyof typeof TERMS;

/** A metric's name in words, e.g. "Tỷ lệ dân số được phủ sóng 5G". */
export function metricLabel(metric: Metric, lang: Lang): string {
  return METRIC_LABELS[metric][lang];
}

/** A technology's name: a hamlet share key (`mobile_bb`) or a coverage tech (`4G`, `fiber`). */
export function techLabel(tech: ShareKey | CoverageTech, lang: Lang): string {
  return TECH_LABELS[tech][lang];
}

/** The status word alone: "Đạt", "Chưa đạt", "Quá hạn", "Không có dữ liệu". */
export function statusLabel(kind: TargetStatusKind, lang: Lang): string {
  return STATUS_LABELS[kind][lang];
}

/** A fixed heading or phrase. */
export function term(key: Term, lang: Lang): string {
  return TERMS[key][lang];
}

/** A target comparison as printed: ">" or "≥". */
export function opLabel(op: TargetOp): string {
  return op === '>=' ? '≥' : '>';
}

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, minDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${lang}:${minDigits}:${maxDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // vi-VN: decimal comma, thousands dot (16.237; 12,3). en-US: 16,237; 12.3.
    format = new Intl.NumberFormat(lang === 'vi' ? 'vi-VN' : 'en-US', {
      minimumFractionDigits: minDigits,
      maximumFractionDigits: maxDigits,
    });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number with between `minDigits` and `maxDigits` decimals in the language's style. */
export function formatNumber(n: number, lang: Lang, minDigits: number, maxDigits = minDigits): string {
  // A value that rounds to zero (e.g. -1e-12 of float noise, or -0) prints 0,0, never -0,0.
  const roundsToZero = Math.abs(n) * 10 ** maxDigits < 0.5;
  return numberFormat(lang, minDigits, maxDigits).format(roundsToZero ? 0 : n);
}

/** A whole count with thousands separators: 16.237 (vi), 16,237 (en); null ⇒ "—". */
export function formatInt(n: number | null, lang: Lang): string {
  return n === null ? NO_DATA_MARK : formatNumber(Math.round(n), lang, 0);
}

function withPercentSign(number: string, lang: Lang): string {
  // Vietnamese typography spaces the sign like French/ISO (12,3 %); English does not (12.3%).
  return lang === 'vi' ? `${number} %` : `${number}%`;
}

/** A fraction (0..1) as a percentage with `digits` decimals: 12,3 % (vi), 12.3% (en); null ⇒ "—". */
export function formatPercent(fraction: number | null, lang: Lang, digits = 1): string {
  if (fraction === null) return NO_DATA_MARK;
  return withPercentSign(formatNumber(fraction * 100, lang, digits), lang);
}

/** A target's threshold as printed: "> 50 %", "≥ 62,5 %" (no trailing zero decimals). */
export function formatTargetValue(op: TargetOp, fraction: number, lang: Lang): string {
  return `${opLabel(op)} ${withPercentSign(formatNumber(fraction * 100, lang, 0, 1), lang)}`;
}

/** A gap in percentage points with one decimal: "12,3 điểm %" (vi), "12.3 pp" (en). */
function formatPoints(pp: number, lang: Lang): string {
  const number = formatNumber(pp, lang, 1);
  return lang === 'vi' ? `${number} điểm %` : `${number} pp`;
}

/** A status with how far it is from the target: "Chưa đạt (thiếu 12,3 điểm %)", "Đạt". */
export function formatStatus(status: TargetStatus, lang: Lang): string {
  const label = statusLabel(status.kind, lang);
  if (status.gapPp === null) return label;
  // A miss smaller than the printed precision must not read "short by 0.0": say "< 0.1".
  if (status.gapPp < 0.05) {
    const least = formatPoints(0.1, lang);
    return lang === 'vi' ? `${label} (thiếu dưới ${least})` : `${label} (less than ${least} short)`;
  }
  const points = formatPoints(status.gapPp, lang);
  return lang === 'vi' ? `${label} (thiếu ${points})` : `${label} (${points} short)`;
}

const ROMAN_QUARTERS = ['I', 'II', 'III', 'IV'] as const;

/** A deadline quarter "2026-Q4" as "Quý IV/2026" (vi, as official documents write it) or "Q4 2026" (en); other text is returned as is. */
export function formatDeadline(deadline: string, lang: Lang): string {
  const parsed = parseDeadline(deadline);
  if (!parsed) return deadline;
  return lang === 'vi' ? `Quý ${ROMAN_QUARTERS[parsed.quarter - 1]}/${parsed.year}` : `Q${parsed.quarter} ${parsed.year}`;
}

/** A calendar day (taken in UTC) as "25/11/2026" (vi) or "2026-11-25" (en). */
export function formatDate(date: Date, lang: Lang): string {
  const dd = String(date.getUTCDate()).padStart(2, '0');
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const yyyy = String(date.getUTCFullYear());
  return lang === 'vi' ? `${dd}/${mm}/${yyyy}` : `${yyyy}-${mm}-${dd}`;
}

/** The network year viewed: "hiện trạng …" when null, else "đến hết năm 2027 (…)". */
export function formatNetworkYear(year: number | null, lang: Lang): string {
  if (year === null) return term('networkOnAir', lang);
  return lang === 'vi'
    ? `đến hết năm ${year} (gồm cả các trạm dự kiến phát sóng đến năm ${year})`
    : `as of the end of ${year} (including sites planned to be on air by then)`;
}
