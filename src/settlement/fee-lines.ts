// Fee lines as entered → lines as sent (feedetl_sn, amount = price × quantity in fen).
import { createHash } from 'node:crypto';
import { AppError } from '@src/common/errors';
import { lineAmount } from '@src/common/money';
import type { FeeLineInput } from '@src/contract/methods/settlement-schemas';
import type { SentLine } from './figures';

export interface PreparedLine extends SentLine {
  localCode: string;
  hospApproved: boolean;
}

export function prepareLines(lines: readonly FeeLineInput[], batch: number): PreparedLine[] {
  return lines.map((l, i) => {
    const amountFen = lineAmount(l.unitPrice, l.quantity);
    if (amountFen <= 0 && l.unitPrice > 0) throw new AppError({ code: 'SETTLEMENT_LINE_AMOUNT', message: `第${i + 1}条费用金额不足1分`, hint: '请核对数量和单价。' });
    return { feedetlSn: `${batch}-${i + 1}`, code: l.code, localCode: l.localCode ?? l.code, name: l.name, quantity: l.quantity, unitPrice: l.unitPrice, amountFen, hospApproved: l.hospApproved ?? false };
  });
}

export function linesDigest(lines: readonly FeeLineInput[]): string {
  return createHash('sha256')
    .update(JSON.stringify(lines.map((l) => [l.code, l.localCode ?? l.code, l.quantity, l.unitPrice, l.hospApproved ?? false])))
    .digest('hex');
}

export function totalOf(lines: readonly SentLine[]): number {
  return lines.reduce((s, l) => s + l.amountFen, 0);
}
