// The report's print stylesheet: A4 portrait pages with the area, the quarter and page
// numbers in the margins, tables that repeat their header on every page and never split
// a row, and status colours that survive printing (print-color-adjust).
import { cssString } from './escape.ts';

export interface PageFooter {
  /** Left margin box, e.g. "Xã Nam Hoà — Báo cáo hạ tầng số — Quý IV/2026". */
  left: string;
  /** The word before the page number: "Trang" / "Page". */
  page: string;
}

/** The stylesheet; the footer text comes from the data, so it is escaped as CSS strings. */
export function reportCss(footer: PageFooter): string {
  return `
@page {
  size: A4 portrait;
  margin: 15mm 14mm 18mm 14mm;
  @bottom-left { content: ${cssString(footer.left)}; font-size: 7.5pt; color: #555; }
  @bottom-right { content: ${cssString(`${footer.page} `)} counter(page) " / " counter(pages); font-size: 7.5pt; color: #555; }
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: "Be Vietnam Pro", "Noto Sans", "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; font-size: 9.5pt; line-height: 1.35; color: #161616; }
body { margin: 0; }
@media screen { body { max-width: 182mm; margin: 8mm auto; padding: 0 6mm; } }
header.report-head { border-bottom: 1.5pt solid #1f3a5f; padding-bottom: 3mm; margin-bottom: 4mm; }
.kicker { margin: 0; font-size: 9pt; text-transform: uppercase; letter-spacing: 0.04em; color: #1f3a5f; }
h1 { font-size: 17pt; margin: 1mm 0 2mm; color: #1f3a5f; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; color: #1f3a5f; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.6mm 4mm; margin: 0; }
dl.facts dt { color: #555; }
dl.facts dd { margin: 0; }
.sample-notice { margin: 3mm 0 0; border: 1pt solid #b42318; border-radius: 1mm; padding: 1.5mm 3mm; color: #b42318; font-weight: 600; }
section { break-inside: auto; }
.note { color: #444; font-size: 8.5pt; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 0 0 2mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border-bottom: 0.5pt solid #c4c9cf; padding: 1mm 1.4mm; text-align: left; vertical-align: top; }
th { background: #e9eef3; font-weight: 600; vertical-align: bottom; }
.nowrap { white-space: nowrap; }
td.source { font-size: 7.5pt; color: #444; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.idx { color: #555; width: 7mm; }
td.below { background: #fde8e7; }
tr.total td { font-weight: 700; border-top: 1pt solid #333; border-bottom: 1pt solid #333; }
.status { font-weight: 600; white-space: nowrap; }
.status-met { color: #14632b; background: #e3f3e7; }
.status-not_met { color: #8a5a00; background: #fff3d1; }
.status-overdue { color: #b42318; background: #fde8e7; }
.status-unknown { color: #555; }
.change-up { color: #14632b; }
.change-down { color: #b42318; }
figure.map { margin: 0 0 2mm; break-inside: avoid; }
figure.map img, figure.map svg { display: block; width: 100%; height: auto; max-height: 112mm; }
figure.map figcaption { font-size: 8.5pt; color: #444; margin-top: 1mm; }
.legend { display: flex; flex-wrap: wrap; gap: 1mm 4mm; font-size: 8pt; margin-top: 1mm; }
.legend .swatch { display: inline-block; width: 4mm; height: 3mm; margin-right: 1mm; vertical-align: -0.3mm; border: 0.3pt solid #666; }
.sources p, .sources li { font-size: 8.5pt; color: #333; }
.sources ul { margin: 0 0 2mm; padding-left: 5mm; columns: 2; }
`;
}
