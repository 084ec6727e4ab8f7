// The report as a PDF without the print dialog: html2canvas-pro (the maintained fork of html2canvas) renders the report document
// (the same HTML the print view shows) to one tall picture, which is cut into A4 pages
// at clean breaks and placed on jsPDF pages. A picture needs no embedded font, so the
// Vietnamese diacritics come out as the browser draws them. Both libraries are loaded on
// first use (dynamic import): the main bundle does not carry them.
import { pageSlices } from './page-slices.ts';

const A4_MM = { width: 210, height: 297 };
/** The report stylesheet's @page margins, mm (report/html/style.ts). */
const MARGIN_MM = { top: 15, right: 14, bottom: 18, left: 14 };
/** The layout width the report is rendered at, CSS px: wide enough for its 182 mm column. */
const LAYOUT_WIDTH_PX = 900;
/** Device pixels per CSS pixel of the picture: sharp enough for print, small enough for memory. */
const SCALE = 2;
/** Elements a page may end before without cutting a line of text or a table row. */
const BREAK_BEFORE = 'header, h2, h3, p, dl, figure, table, thead, tr, ul, li, section';

/** The report document (its body) as an A4 PDF; `pageWord` labels the page numbers ("Trang" / "Page"). */
export async function reportPdf(doc: Document, pageWord: string): Promise<Blob> {
  const [{ default: html2canvas }, { jsPDF }] = await Promise.all([import('html2canvas-pro'), import('jspdf')]);
  let breaksCss: number[] = [];
  let bodyHeightCss = 0;
  const canvas = await html2canvas(doc.body, {
    scale: SCALE,
    windowWidth: LAYOUT_WIDTH_PX,
    backgroundColor: '#ffffff',
    logging: false,
    // The clone is laid out at LAYOUT_WIDTH_PX: the clean breaks are measured there, where the picture is drawn from.
    onclone: async (clone) => {
      // The clone is a new document: lend it the report frame's fonts (the page's Be Vietnam
      // Pro), which the canvas draws with, so its layout and the drawn words agree.
      for (const face of doc.fonts) clone.fonts.add(face);
      await clone.fonts.ready;
      const { top: bodyTop, height } = clone.body.getBoundingClientRect();
      bodyHeightCss = height;
      breaksCss = [...clone.body.querySelectorAll(BREAK_BEFORE)].map((el) => el.getBoundingClientRect().top - bodyTop);
    },
  });
  const contentMm = { width: A4_MM.width - MARGIN_MM.left - MARGIN_MM.right, height: A4_MM.height - MARGIN_MM.top - MARGIN_MM.bottom };
  const pxPerMm = canvas.width / contentMm.width;
  const slices = pageSlices(
    // Scaled to the picture's own height: it drifts from the measured layout by about 1 %.
    breaksCss.map((y) => Math.round(y * (bodyHeightCss > 0 ? canvas.height / bodyHeightCss : SCALE))),
    canvas.height,
    Math.floor(contentMm.height * pxPerMm),
  );
  const pdf = new jsPDF({ orientation: 'portrait', unit: 'mm', format: 'a4', compress: true });
  slices.forEach(([top, bottom], i) => {
    const page = document.createElement('canvas');
    page.width = canvas.width;
    page.height = bottom - top;
    const ctx = page.getContext('2d');
    if (!ctx) throw new Error('reportPdf: the browser gave no 2D canvas to draw a page on');
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, page.width, page.height);
    ctx.drawImage(canvas, 0, top, canvas.width, page.height, 0, 0, page.width, page.height);
    if (i > 0) pdf.addPage('a4', 'portrait');
    pdf.addImage(page.toDataURL('image/jpeg', 0.92), 'JPEG', MARGIN_MM.left, MARGIN_MM.top, contentMm.width, page.height / pxPerMm);
    // ASCII only: jsPDF's built-in fonts have no Vietnamese letters ("Trang" and "Page" need none).
    pdf.setFontSize(8);
    pdf.setTextColor(85);
    pdf.text(`${pageWord} ${i + 1} / ${slices.length}`, A4_MM.width - MARGIN_MM.right, A4_MM.height - MARGIN_MM.bottom / 2, { align: 'right' });
  });
  return pdf.output('blob');
}
