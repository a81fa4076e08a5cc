// Receipt PDF on the Node side (pdfkit) with an embedded CJK font. The font is searched in the
// usual places (Debian fonts-wqy-microhei, Noto CJK, Windows); none → a clear Chinese error.
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { AppError } from '@src/common/errors';
import { formatYuan } from '@src/common/money';
import type { Receipt } from '@src/contract/methods/settlement';

export const CJK_FONT_CANDIDATES: readonly { file: string; family?: string }[] = [
  // TTC collections need the PostScript name of the face to embed (fc-scan --format '%{postscriptname}').
  { file: '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', family: 'WenQuanYiMicroHei' },
  { file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc', family: 'NotoSansCJKsc-Regular' },
  { file: 'C:\\Windows\\Fonts\\msyh.ttc', family: 'MicrosoftYaHei' },
  { file: 'C:\\Windows\\Fonts\\simsun.ttc', family: 'SimSun' },
];

export function findCjkFont(candidates: readonly { file: string; family?: string }[] = CJK_FONT_CANDIDATES): { file: string; family?: string } {
  const found = candidates.find((c) => existsSync(c.file));
  if (!found) {
    throw new AppError({
      code: 'RECEIPT_FONT_MISSING',
      message: '找不到中文字体，无法生成PDF票据',
      hint: '请信息科安装中文字体（Debian: fonts-wqy-microhei；Windows 自带微软雅黑/宋体）后重试；也可直接打印票据。',
      detail: `none of ${candidates.map((c) => c.file).join(', ')} exists`,
    });
  }
  return found;
}

const PAGE: Record<Receipt['paper'], [number, number]> = {
  // 58/80 mm rolls: width in points (1 mm = 2.835 pt); the height grows with the content.
  '58mm': [164, 0],
  '80mm': [227, 0],
  A5: [420, 595],
};

export async function receiptPdf(r: Receipt, font = findCjkFont()): Promise<Buffer> {
  const [w, fixedH] = PAGE[r.paper];
  const thermal = r.paper !== 'A5';
  const lineH = thermal ? 10 : 14;
  const rows = thermal ? r.text : a5Rows(r);
  const h = fixedH > 0 ? fixedH : 30 + rows.length * lineH;
  const doc = new PDFDocument({ size: [w, h], margin: thermal ? 6 : 30, info: { Title: `医保结算单 ${r.setlId}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', font.file, font.family);
  doc.font('cjk').fontSize(thermal ? (r.paper === '58mm' ? 6.5 : 7) : 10);
  for (const line of rows) doc.text(line, { lineBreak: false, height: lineH }).moveDown(0);
  doc.end();
  return done;
}

function a5Rows(r: Receipt): string[] {
  const f = r.figures;
  const y = formatYuan;
  return [
    `${r.institutionName}（${r.institutionCode}）`,
    `医保结算单${r.refund ? '（退费）' : ''}${r.reprint ? '（补打）' : ''}`,
    `姓名：${r.patientName}    证件号：${r.idMasked}`,
    `险种：${r.insutypeName}    参保地：${r.insuredAreaName}（${r.insuredArea}）`,
    `类别：${r.kindLabel} ${r.medTypeName}    就诊ID：${r.mdtrtId}`,
    ...r.lines.map((l) => `${l.name}  ${l.chargeClassLabel || '-'}  金额 ${y(l.amountFen)}  自付 ${y(l.selfPayFen)}`),
    `医疗费总额：${y(f.medfee_sumamt)}`,
    ...r.funds.map((x) => `${x.name}：${y(x.amountFen)}`),
    `基金支付合计：${y(f.fund_pay_sumamt)}    个人账户：${y(f.acct_pay)}    个人现金：${y(f.psn_cash_pay)}`,
    `账户余额：${f.balc === null ? '—' : y(f.balc)}`,
    ...r.classSummary.map((c) => `${c.label}类 ${y(c.amountFen)}（自付 ${y(c.selfPayFen)}）`),
    `结算ID：${r.setlId}    报文号：${r.msgid}`,
    `收款员：${r.operator}    结算时间：${r.settledAt}`,
  ];
}
