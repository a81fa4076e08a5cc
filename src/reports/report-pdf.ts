// Reports as PDF (A4 landscape): the same rows as the CSV export, as a table, with the settlement
// receipts' CJK font (src/settlement/receipts/receipt-pdf.ts finds it). pdfkit breaks pages.
import PDFDocument from 'pdfkit';
import { AppError, isAppError } from '@src/common/errors';
import { findCjkFont } from '@src/settlement/receipts/receipt-pdf';
import type { PdfRenderer } from './reports-service';

const MARGIN = 36;
const LINE = 16;
/** A4 landscape, points. */
const WIDTH = 842;
const HEIGHT = 595;

function font(): { file: string; family?: string } {
  try {
    return findCjkFont();
  } catch (e) {
    if (!isAppError(e)) throw e;
    throw new AppError({ code: 'REPORT_FONT_MISSING', message: '找不到中文字体，无法生成PDF报表', hint: '请改用CSV导出，或请信息科安装中文字体（Debian: fonts-wqy-microhei）后重试。', detail: e.detail, cause: e });
  }
}

/** Column x positions for a row of n cells: the first column wider (labels), the rest even. */
function columns(n: number): number[] {
  const usable = WIDTH - 2 * MARGIN;
  if (n <= 1) return [MARGIN];
  const first = Math.min(170, usable / n + 60);
  const rest = (usable - first) / (n - 1);
  return Array.from({ length: n }, (_, i) => (i === 0 ? MARGIN : MARGIN + first + (i - 1) * rest));
}

export const reportPdf: PdfRenderer = async ({ title, lines }) => {
  const f = font();
  const doc = new PDFDocument({ size: [WIDTH, HEIGHT], margin: MARGIN, info: { Title: title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', f.file, f.family);
  doc.font('cjk').fontSize(16).text(title, MARGIN, MARGIN);
  let y = MARGIN + 30;
  doc.fontSize(10);
  for (const row of lines) {
    if (y > HEIGHT - MARGIN - LINE) {
      doc.addPage();
      y = MARGIN;
    }
    const xs = columns(row.length);
    row.forEach((cell, i) => {
      const right = i + 1 < xs.length ? xs[i + 1]! : WIDTH - MARGIN;
      doc.text(cell, xs[i]!, y, { width: right - xs[i]! - 4, lineBreak: false, height: LINE });
    });
    y += row.length === 0 || (row.length === 1 && row[0] === '') ? LINE / 2 : LINE;
  }
  doc.end();
  return done;
};
