// 延时结算 through the whole host (training mode): the IT admin enables it, the cashier serves 张伟
// offline (estimate, provisional receipt with a queue number), limits refuse past them with the
// reason (self-pay with the reimbursement documents), the queue forwards the visit, the real split
// is recorded next to the estimate and the difference lands on the 差额 list, closed with a receipt.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drillRows } from '@src/cli/commands/queue-drill';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { startTestHost, type TestHost } from '../helpers/test-host';

let host: TestHost;
let rows: { code: string; price: number }[];
const zhangWei = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;

async function call<T>(client: string, method: string, input: unknown = {}): Promise<T> {
  const r = await host.callAs(client, method, input);
  if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

beforeAll(async () => {
  host = await startTestHost();
  await host.signIn('it', 'it01');
  await host.signIn('desk', 'sy01');
  rows = drillRows(new TrainingCatalog(), 4);
  // The training catalogue is downloaded at start: wait until the lines can be classed.
  const until = Date.now() + 90_000;
  while (!host.services.catalog.lookup(rows[0]!.code) && Date.now() < until) await new Promise((r) => setTimeout(r, 250));
}, 120_000);
afterAll(async () => {
  await host.close();
});

const visit = (quantity = 20_000) => ({
  cert: { type: '02', no: zhangWei.idNumber },
  name: zhangWei.name,
  insutype: zhangWei.insutype,
  insuredArea: zhangWei.insuredArea,
  lines: rows.slice(0, 2).map((r) => ({ code: r.code, price: r.price, quantity })),
});

describe('offline settlement (延时结算) end to end in the host', () => {
  it('is refused with the reason until IT enables it, offering self-pay with the documents', async () => {
    const q = await call<{ allowed: boolean; reason: string }>('desk', 'offline.quote', { insutype: '310', lines: visit().lines });
    expect(q.allowed).toBe(false);
    expect(q.reason).toMatch(/未开通/);
    const r = await host.callAs('desk', 'offline.settle', visit());
    expect(r.ok || r.error.code).toBe('OFFLINE_LIMIT');
    const self = await call<{ totalFen: number; documents: string[] }>('desk', 'offline.selfPay', { lines: visit().lines, reason: '医保中心无法连接' });
    expect(self.documents.join()).toMatch(/发票/);
  });

  it('serves 张伟 offline with an estimate and a queue number, enforcing the limits', async () => {
    await call('it', 'offline.setPolicy', { enabled: true, collect: 'full', limits: { perSettlementFen: 200_000, outstandingAmountFen: 400_000, outstandingCount: 2 } });
    const r = await call<{ settlement: { queueNo: string; collectedFen: number; estimatePsnFen: number; medfeeFen: number }; quote: { estimate: { fundFen: number; params?: { name: string } } }; receipt: { lines: string[] } }>('desk', 'offline.settle', visit());
    expect(r.settlement.queueNo).toMatch(/^LX-/);
    expect(r.settlement.collectedFen).toBe(r.settlement.medfeeFen);
    expect(r.quote.estimate.params?.name).toBe('苏州市');
    expect(r.receipt.lines.join('\n')).toMatch(/估算/);
    expect(r.receipt.lines.join('\n')).not.toContain(zhangWei.idNumber);
    await call('desk', 'offline.settle', visit(10_000));
    // Outstanding count reached: the third is refused with the reason.
    const third = await host.callAs('desk', 'offline.settle', visit(10_000));
    expect(third.ok ? 'ok' : third.error.message).toMatch(/上限 2 笔/);
    // Past the per-settlement limit.
    const big = await call<{ allowed: boolean; reason: string }>('desk', 'offline.quote', { insutype: '310', lines: visit(9_000_000).lines });
    expect(big).toMatchObject({ allowed: false, reason: expect.stringMatching(/单笔/) });
  });

  it('forwards them when flushed, records estimate vs actual, and lists the 差额 to refund with a receipt each', async () => {
    const report = await call<{ succeeded: number; remaining: number }>('it', 'queue.flush');
    expect(report).toMatchObject({ succeeded: 2, remaining: 0 });
    const settled = await call<{ state: string; estimatePsnFen: number; actualCashFen: number; collectedFen: number; setlId: string }[]>('desk', 'offline.list', {});
    expect(settled.every((s) => s.state === 'settled' && s.setlId)).toBe(true);
    const diffs = await call<{ id: number; kind: string; amountFen: number; collectedFen: number; actualCashFen: number }[]>('desk', 'offline.differences', { state: 'open' });
    expect(diffs.length).toBeGreaterThan(0);
    for (const d of diffs) {
      expect(d.kind).toBe('refund');
      expect(d.amountFen).toBe(d.collectedFen - d.actualCashFen);
    }
    const closed = await call<{ difference: { state: string; receiptNo: string }; receipt: { lines: string[] } }>('desk', 'offline.closeDifference', { id: diffs[0]!.id });
    expect(closed.difference.state).toBe('closed');
    expect(closed.receipt.lines.join('\n')).toMatch(/退还患者/);
    const again = await host.callAs('desk', 'offline.closeDifference', { id: diffs[0]!.id });
    expect(again.ok ? 'ok' : again.error.code).toBe('OFFLINE_DIFFERENCE_CLOSED');
  }, 60_000);
});
