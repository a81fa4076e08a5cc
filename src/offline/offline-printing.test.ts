import { describe, expect, it } from 'vitest';
import { TerminalConfigSchema } from '@src/contract/config';
import type { Receipt } from '@src/contract/methods/settlement';
import { printTextDocument, textReceipt } from './offline-printing';

const doc = { title: '延时结算临时收据', lines: ['队列号 LX-T01-000001', '金额为估算'] };

describe('offline documents on the receipt printer', () => {
  it('hands the printer a receipt whose text rows are the document, with the configured printer and copies', async () => {
    const config = TerminalConfigSchema.parse({});
    config.printing = { printer: 'POS-80', paper: '58mm', copies: 2 };
    const jobs: { r: Receipt; o: { printer: string; copies: number } }[] = [];
    const r = await printTextDocument({ print: async (rec, o) => void jobs.push({ r: rec, o }) }, config, doc, { operator: '王小红' });
    expect(r).toEqual({ printed: true, printer: 'POS-80', message: '已发送到打印机' });
    expect(jobs[0]!.o).toEqual({ printer: 'POS-80', copies: 2 });
    expect(jobs[0]!.r.text).toEqual([config.institution.name, doc.title, ...doc.lines]);
    expect(jobs[0]!.r).toMatchObject({ columns: 32, setlId: '', figures: expect.objectContaining({ medfee_sumamt: 0 }) });
  });

  it('says printed=false where the host has no printer (browser shell prints its view)', async () => {
    expect(await printTextDocument(undefined, TerminalConfigSchema.parse({}), doc, { operator: 'x' })).toMatchObject({ printed: false });
    expect(textReceipt(doc, TerminalConfigSchema.parse({}), 'x').title).toBe(doc.title);
  });
});
