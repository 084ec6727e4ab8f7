// The report's sections as HTML fragments: targets by deadline year, the change since the
// last period, the hamlet table, priority places not yet covered, and data sources.
// Every text from the data passes through escapeHtml.
import { targetStatus } from '../../engine/status.ts';
import type { HamletShares, HistoryRow, Report } from '../../engine/types.ts';
import { formatChangePp, formatPeriod, placesMissing, allPlacesCovered, reportTerm } from '../../i18n/report-words.ts';
import { ui } from '../../i18n/ui.ts';
import {
  formatDeadline,
  formatInt,
  formatPercent,
  formatStatus,
  formatTargetValue,
  metricLabel,
  techLabel,
  term,
  type Lang,
  type ShareKey,
} from '../../i18n/vocab.ts';
import { SHARE_COLUMNS, THRESHOLD_TECHS, communeShares, groupByDeadlineYear, targetMetricChanges, techsBelowThreshold } from '../tables.ts';
import { escapeHtml } from './escape.ts';
import type { PriorityPlace } from './input.ts';

interface Column {
  heading: string;
  numeric?: boolean;
}

/** A cell: text from anywhere (escaped by td) and, optionally, CSS classes. */
type Cell = string | { text: string; className?: string };

function td(cell: Cell, numeric: boolean): string {
  const { text, className } = typeof cell === 'string' ? { text: cell, className: undefined } : cell;
  const classes = [numeric ? 'num' : '', className ?? ''].filter(Boolean).join(' ');
  return `<td${classes ? ` class="${classes}"` : ''}>${escapeHtml(text)}</td>`;
}

function table(columns: readonly Column[], rows: readonly (readonly Cell[])[], rowClass: (i: number) => string = () => ''): string {
  const head = columns.map((c) => `<th scope="col"${c.numeric ? ' class="num"' : ''}>${escapeHtml(c.heading)}</th>`).join('');
  const body = rows
    .map((row, i) => {
      const cls = rowClass(i);
      return `<tr${cls ? ` class="${cls}"` : ''}>${row.map((cell, j) => td(cell, columns[j]?.numeric ?? false)).join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

/** Targets grouped by deadline year, each with threshold, actual, status (coloured), deadline and clause. */
export function targetsSection(report: Report, asOf: Date, lang: Lang): string {
  const parts = [`<section id="targets"><h2>${escapeHtml(term('targets', lang))}</h2>`];
  if (report.targets.length === 0) parts.push(`<p>${escapeHtml(term('noTargets', lang))}</p>`);
  const columns: Column[] = [
    { heading: term('metric', lang) },
    { heading: term('target', lang), numeric: true },
    { heading: term('actual', lang), numeric: true },
    { heading: term('status', lang) },
    { heading: term('deadline', lang) },
    { heading: term('clause', lang) },
  ];
  for (const [year, targets] of groupByDeadlineYear(report.targets)) {
    const rows = targets.map((t): Cell[] => {
      const status = targetStatus(t, asOf);
      return [
        metricLabel(t.metric, lang),
        formatTargetValue(t.op, t.value, lang),
        formatPercent(t.actual, lang),
        { text: formatStatus(status, lang), className: `status status-${status.kind}` },
        { text: formatDeadline(t.deadline, lang), className: 'nowrap' },
        t.clause,
      ];
    });
    const heading = lang === 'vi' ? `Thời hạn năm ${year}` : `Due in ${year}`;
    parts.push(`<h3>${escapeHtml(heading)}</h3>`, table(columns, rows));
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** Each target metric today against the last figure reported before this quarter. */
export function changesSection(report: Report, history: readonly HistoryRow[], asOf: Date, lang: Lang): string {
  const head = `<section id="changes"><h2>${escapeHtml(reportTerm('changes', lang))}</h2>`;
  const changes = targetMetricChanges(report, history, asOf);
  if (changes.length === 0) return `${head}\n<p>${escapeHtml(reportTerm('noHistory', lang))}</p>\n</section>`;
  const columns: Column[] = [
    { heading: term('metric', lang) },
    { heading: reportTerm('previousPeriod', lang) },
    { heading: reportTerm('previousValue', lang), numeric: true },
    { heading: reportTerm('now', lang), numeric: true },
    { heading: reportTerm('change', lang), numeric: true },
    { heading: reportTerm('source', lang) },
  ];
  const rows = changes.map((c): Cell[] => {
    const direction = c.changePp === null || Math.abs(c.changePp) < 0.05 ? '' : c.changePp > 0 ? 'change-up' : 'change-down';
    return [
      metricLabel(c.metric, lang),
      { text: formatPeriod(c.previous.period, lang), className: 'nowrap' },
      formatPercent(c.previous.value, lang),
      formatPercent(c.actual, lang),
      { text: formatChangePp(c.changePp, lang), className: direction },
      { text: c.previous.source ?? '', className: 'source' },
    ];
  });
  return `${head}\n<p class="note">${escapeHtml(reportTerm('changesNote', lang))}</p>\n${table(columns, rows)}\n</section>`;
}

/** The hamlet table: row number, name, population, every share (cells below the threshold shaded), and the commune total. */
export function hamletsSection(report: Report, threshold: number, lang: Lang): string {
  const thresholdText = formatPercent(threshold, lang, 0);
  const columns: Column[] = [
    { heading: reportTerm('rowNumber', lang) },
    { heading: term('hamlet', lang) },
    { heading: term('population', lang), numeric: true },
    ...SHARE_COLUMNS.map((key) => ({ heading: techLabel(key, lang), numeric: true })),
  ];
  const shareCells = (share: HamletShares, marked: readonly ShareKey[]): Cell[] =>
    SHARE_COLUMNS.map((key) => ({ text: formatPercent(share[key], lang), className: marked.includes(key) ? 'below' : '' }));
  const rows: Cell[][] = report.hamlets.map((h, i) => [
    { text: String(i + 1), className: 'idx' },
    h.name,
    formatInt(h.population, lang),
    ...shareCells(h.share, techsBelowThreshold(h.share, threshold)),
  ]);
  rows.push(['', term('communeTotal', lang), formatInt(report.population, lang), ...shareCells(communeShares(report), [])]);
  const marked = THRESHOLD_TECHS.map((t) => techLabel(t, lang).toLowerCase()).join(lang === 'vi' ? ' và ' : ' and ');
  const note =
    lang === 'vi'
      ? `Tỷ lệ dân số của từng xóm được phủ theo từng công nghệ. Ô tô đỏ: xóm chưa đạt ngưỡng ${thresholdText} dân số được phủ ${marked}.`
      : `Share of each hamlet's population covered by each technology. Shaded red: the hamlet is below the ${thresholdText} coverage threshold for ${marked}.`;
  const total = rows.length - 1;
  return [
    `<section id="hamlets"><h2>${escapeHtml(term('hamlets', lang))}</h2>`,
    `<p class="note">${escapeHtml(note)}</p>`,
    table(columns, rows, (i) => (i === total ? 'total' : '')),
    '</section>',
  ].join('\n');
}

/** Priority places lacking mobile broadband or fiber (what each lacks), or a line saying all are covered. */
export function placesSection(places: readonly PriorityPlace[], lang: Lang): string {
  const head = `<section id="places"><h2>${escapeHtml(reportTerm('priorityPlaces', lang))}</h2>`;
  if (places.length === 0) return `${head}\n<p>${escapeHtml(reportTerm('noPriorityPlaces', lang))}</p>\n</section>`;
  const lacking = places
    .map((p) => ({ place: p, missing: THRESHOLD_TECHS.filter((tech) => !p.coverage[tech]) }))
    .filter((x) => x.missing.length > 0);
  if (lacking.length === 0) return `${head}\n<p>${escapeHtml(allPlacesCovered(places.length, lang))}</p>\n</section>`;
  const types = ui(lang).poiTypes;
  const columns: Column[] = [{ heading: reportTerm('place', lang) }, { heading: reportTerm('placeType', lang) }, { heading: reportTerm('missing', lang) }];
  const rows = lacking.map(({ place, missing }): Cell[] => [place.name, types[place.type], missing.map((t) => techLabel(t, lang)).join(', ')]);
  return [
    head,
    `<p class="note">${escapeHtml(reportTerm('priorityNote', lang))} ${escapeHtml(placesMissing(lacking.length, places.length, lang))}</p>`,
    table(columns, rows),
    '</section>',
  ].join('\n');
}

/** area.json's notes (one paragraph per line) and the package's files. */
export function sourcesSection(notes: string | null, files: readonly string[], lang: Lang): string {
  const paragraphs = (notes ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`);
  const fileList = files.length ? `<h3>${escapeHtml(reportTerm('dataFiles', lang))}</h3>\n<ul>${files.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul>` : '';
  const legend = `<p class="note">—: ${escapeHtml(term('noData', lang).toLowerCase())}.</p>`;
  return [`<section id="sources" class="sources"><h2>${escapeHtml(reportTerm('dataSources', lang))}</h2>`, ...paragraphs, fileList, legend, '</section>']
    .filter(Boolean)
    .join('\n');
}
