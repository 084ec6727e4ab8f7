// The human report in Markdown: what a commune officer pastes into the quarterly report.
// Targets are grouped by their deadline year, hamlets keep the package's order, and every
// null figure prints as "—" with a legend saying it means "no data".
import { targetStatus } from '../engine/status.ts';
import type { HamletShares, HistoryRow, Report } from '../engine/types.ts';
import { formatChangePp, formatPeriod, reportTerm } from '../i18n/report-words.ts';
import {
  NO_DATA_MARK,
  formatDate,
  formatDeadline,
  formatInt,
  formatNetworkYear,
  formatPercent,
  formatStatus,
  formatTargetValue,
  metricLabel,
  techLabel,
  term,
} from '../i18n/vocab.ts';
import type { Lang } from '../i18n/vocab.ts';
import { SHARE_COLUMNS, communeShares, groupByDeadlineYear, targetMetricChanges, techsBelowThreshold } from './tables.ts';

export interface MarkdownOptions {
  lang: Lang;
  /** The day deadlines are judged on, and the report's date (UTC calendar day). */
  asOf: Date;
  /** area.json's hamlet_coverage_threshold (0..1): hamlets below it for a technology are marked. */
  hamletCoverageThreshold: number;
  /** history.csv: when given (even empty), a "change since the last period" section follows the targets. */
  history?: readonly HistoryRow[];
}

/** Text from the data on one line, safe inside a Markdown table cell. */
export function escapeCell(text: string): string {
  return text
    .replace(/\r\n?|\n/g, ' ')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|');
}

function oneLine(text: string): string {
  return text.replace(/\s*(\r\n?|\n)\s*/g, ' ');
}

function tableRow(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

/** A Markdown table; `alignRight` marks the numeric columns. */
function table(headings: readonly string[], rows: readonly string[][], alignRight: readonly boolean[]): string[] {
  const rule = alignRight.map((right) => (right ? '---:' : '---'));
  return [tableRow(headings), tableRow(rule), ...rows.map(tableRow)];
}

function targetSection(report: Report, opts: MarkdownOptions): string[] {
  const { lang, asOf } = opts;
  const lines = [`## ${term('targets', lang)}`, ''];
  if (report.targets.length === 0) return [...lines, term('noTargets', lang), ''];
  const headings = ['metric', 'target', 'actual', 'status', 'deadline', 'clause'] as const;
  for (const [year, targets] of groupByDeadlineYear(report.targets)) {
    const rows = targets.map((t) => [
      metricLabel(t.metric, lang),
      formatTargetValue(t.op, t.value, lang),
      formatPercent(t.actual, lang),
      formatStatus(targetStatus(t, asOf), lang),
      escapeCell(formatDeadline(t.deadline, lang)),
      escapeCell(t.clause),
    ]);
    const heading = lang === 'vi' ? `Thời hạn năm ${year}` : `Due in ${year}`;
    lines.push(`### ${heading}`, '');
    lines.push(...table(headings.map((h) => term(h, lang)), rows, [false, true, true, false, false, false]));
    lines.push('');
  }
  return lines;
}

function belowThreshold(share: HamletShares, threshold: number, lang: Lang): string {
  return techsBelowThreshold(share, threshold)
    .map((tech) => techLabel(tech, lang))
    .join(', ');
}

/** Today's figure of each target metric against the last period reported before this quarter. */
function changeSection(report: Report, history: readonly HistoryRow[], opts: MarkdownOptions): string[] {
  const { lang } = opts;
  const lines = [`## ${reportTerm('changes', lang)}`, ''];
  const changes = targetMetricChanges(report, history, opts.asOf);
  if (changes.length === 0) return [...lines, reportTerm('noHistory', lang), ''];
  const headings = [term('metric', lang), reportTerm('previousPeriod', lang), reportTerm('previousValue', lang), reportTerm('now', lang), reportTerm('change', lang), reportTerm('source', lang)];
  const rows = changes.map((c) => [
    metricLabel(c.metric, lang),
    escapeCell(formatPeriod(c.previous.period, lang)),
    formatPercent(c.previous.value, lang),
    formatPercent(c.actual, lang),
    formatChangePp(c.changePp, lang),
    escapeCell(c.previous.source ?? ''),
  ]);
  return [...lines, reportTerm('changesNote', lang), '', ...table(headings, rows, [false, false, true, true, true, false]), ''];
}

function hamletSection(report: Report, opts: MarkdownOptions): string[] {
  const { lang, hamletCoverageThreshold: threshold } = opts;
  const thresholdText = formatPercent(threshold, lang, 0);
  const headings = [
    term('hamlet', lang),
    term('population', lang),
    ...SHARE_COLUMNS.map((key) => techLabel(key, lang)),
    `${term('belowThreshold', lang)} (${thresholdText})`,
  ];
  const shareCells = (share: HamletShares) => SHARE_COLUMNS.map((key) => formatPercent(share[key], lang));
  const rows = report.hamlets.map((h) => [
    escapeCell(h.name),
    formatInt(h.population, lang),
    ...shareCells(h.share),
    belowThreshold(h.share, threshold, lang),
  ]);
  rows.push([`**${term('communeTotal', lang)}**`, formatInt(report.population, lang), ...shareCells(communeShares(report)), '']);
  const note =
    lang === 'vi'
      ? `Tỷ lệ dân số của từng xóm được phủ theo từng công nghệ. Cột cuối ghi các công nghệ mà xóm chưa đạt ngưỡng ${thresholdText} dân số được phủ.`
      : `Share of each hamlet's population covered by each technology. The last column lists the technologies for which the hamlet is below the ${thresholdText} coverage threshold.`;
  const alignRight = headings.map((_, i) => i > 0 && i <= SHARE_COLUMNS.length + 1);
  return [`## ${term('hamlets', lang)}`, '', note, '', ...table(headings, rows, alignRight), ''];
}

/** The report as Markdown: title, sample notice, network year, date, population, targets by deadline year, change since the last period (with history), hamlets. */
export function formatMarkdown(report: Report, opts: MarkdownOptions): string {
  const { lang } = opts;
  const lines = [`# ${term('reportTitle', lang)} — ${oneLine(report.area.name)}`, ''];
  if (report.area.sample) lines.push(`> **${term('sampleNotice', lang)}**`, '');
  lines.push(
    `- ${term('network', lang)}: ${formatNetworkYear(report.year, lang)}`,
    `- ${term('reportDate', lang)}: ${formatDate(opts.asOf, lang)}`,
    `- ${term('totalPopulation', lang)}: ${formatInt(report.population, lang)} ${term('people', lang)}`,
    '',
  );
  lines.push(...targetSection(report, opts));
  if (opts.history) lines.push(...changeSection(report, opts.history, opts));
  lines.push(...hamletSection(report, opts));
  lines.push(`${NO_DATA_MARK}: ${term('noData', lang).toLowerCase()}.`, '');
  return lines.join('\n');
}
