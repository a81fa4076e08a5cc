// A repeated msgid returns the first answer and never settles twice, also while the first is in
// flight; 2601 undoes the original and is itself idempotent; a msgid reversed before it arrived
// is refused when it does arrive.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TxOutput } from '@src/hub/protocol/transactions';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { LedgerReport } from '@src/training/hub/core/ledger';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';
import { billTotal, feeLines, findRows, lineFromCatalog, registerOutpatient, settleInput, type BillLine } from '@src/training/hub/testing/visit-scenarios';

const zhang = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;
let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 6_000 });

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-idem-', catalog);
  hub = fixture.hub;
});
afterAll(() => fixture.close());
beforeEach(async () => {
  client = await signedInClient(hub, { reset: true });
});

function lines(): BillLine[] {
  return findRows(catalog, '1301', 3, (r) => r.chrgitmLv !== '03' && r.lmtUsedFlag === '0').map((i) => lineFromCatalog(catalog, '1301', i, 30_000));
}

/** Registration, fees and pre-settlement; returns the 2207 body ready to send. */
async function readyToSettle() {
  const bill = lines();
  const mdtrtId = await registerOutpatient(client, zhang);
  await client.ok('2204', { feedetail: feeLines(mdtrtId, zhang, bill) });
  const stub = { setlinfo: { medfee_sumamt: billTotal(bill), fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 } } as TxOutput<'2206'>;
  const pre = await client.ok('2206', settleInput(zhang, mdtrtId, stub));
  return { mdtrtId, body: client.body('2207', settleInput(zhang, mdtrtId, pre)) };
}

async function ledger(): Promise<LedgerReport> {
  return client.admin<LedgerReport>('GET', '/admin/ledger');
}

async function balance(): Promise<number> {
  return (await client.ok('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } })).insuinfo[0]!.balc;
}

describe('training hub idempotency', () => {
  it('a resend with the same msgid gets the first answer byte for byte and settles once', async () => {
    const { body } = await readyToSettle();
    const first = await client.send('2207', body);
    const second = await client.send('2207', body);
    expect(first.infcode).toBe(0);
    expect(second.text).toBe(first.text);
    const l = await ledger();
    expect(l.summary.settlements).toBe(1);
    expect(l.summary.msgidsSettledTwice).toEqual([]);
  });

  it('concurrent duplicates while the first is in flight (slow hub) get one answer and one settlement', async () => {
    const { body } = await readyToSettle();
    await client.admin('POST', '/admin/faults', { kind: 'latency', infno: '2207', count: 1, ms: 300 });
    const answers = await Promise.all([0, 1, 2, 3].map(() => client.send('2207', body)));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(answers[0]!.infcode).toBe(0);
    expect((await ledger()).summary.settlements).toBe(1);
  });

  it('the same msgid with a different input is refused and changes nothing', async () => {
    const { body, mdtrtId } = await readyToSettle();
    await client.send('2207', body);
    const other = client.body('2208', { data: { setl_id: 'x', mdtrt_id: mdtrtId, psn_no: zhang.psnNo } }, { msgid: body.msgid });
    const r = await client.send('2208', other);
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toContain('已被使用');
  });

  it('a second settlement of the same visit finds nothing left to settle', async () => {
    const { body, mdtrtId } = await readyToSettle();
    await client.send('2207', body);
    const nothing = { setlinfo: { medfee_sumamt: 0, fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 } } as TxOutput<'2206'>;
    const again = await client.call('2207', settleInput(zhang, mdtrtId, nothing));
    expect(again.infcode).toBe(-1);
    expect(again.errMsg).toContain('没有未结算的费用明细');
    expect((await ledger()).summary.visitsSettledTwice).toEqual([]);
  });

  it('2601 undoes a settlement (account and accumulators restored) and is idempotent', async () => {
    const before = await balance();
    const { body, mdtrtId } = await readyToSettle();
    const settled = await client.send('2207', body);
    expect(await balance()).toBe(before - settled.output!.setlinfo.acct_pay);
    const reverse = { data: { psn_no: zhang.psnNo, omsgid: body.msgid, oinfno: '2207' } };
    const r1 = await client.call('2601', reverse);
    expect(r1.infcode).toBe(0);
    expect(await balance()).toBe(before);
    // Another 2601 for the same original (new msgid): success, nothing done.
    const r2 = await client.call('2601', reverse);
    expect(r2.infcode).toBe(0);
    expect(r2.warnMsg).toContain('已');
    // The same 2601 resent: the first answer.
    const again = client.body('2601', reverse);
    const a1 = await client.send('2601', again);
    const a2 = await client.send('2601', again);
    expect(a2.text).toBe(a1.text);
    expect(await balance()).toBe(before);
    const l = await ledger();
    expect(l.summary.reversals).toBe(1);
    expect(l.summary.inForce).toBe(0);
    // The visit's lines are unsettled again: it can be settled anew.
    const q = await client.ok('5203', { data: { psn_no: zhang.psnNo, mdtrt_id: mdtrtId } });
    expect(q.setlinfo ?? null).toBeNull();
  });

  it('concurrent 2601s of one settlement (same msgid and new msgids) reverse it exactly once', async () => {
    const before = await balance();
    const { body } = await readyToSettle();
    await client.send('2207', body);
    const reverse = { data: { psn_no: zhang.psnNo, omsgid: body.msgid, oinfno: '2207' } };
    const same = client.body('2601', reverse);
    await client.admin('POST', '/admin/faults', { kind: 'latency', infno: '2601', count: 2, ms: 100 });
    const answers = await Promise.all([client.send('2601', same), client.send('2601', same), client.call('2601', reverse), client.call('2601', reverse)]);
    expect(answers.every((a) => a.infcode === 0)).toBe(true);
    expect(answers[1]!.text).toBe(answers[0]!.text);
    const l = await ledger();
    expect(l.summary.reversals).toBe(1);
    expect(l.summary.inForce).toBe(0);
    expect(await balance()).toBe(before);
  });

  it('2601 of a cancellation puts the settlement back in force', async () => {
    const { body, mdtrtId } = await readyToSettle();
    const settled = await client.send('2207', body);
    const setlId = settled.output!.setlinfo.setl_id;
    const cancel = await client.call('2208', { data: { setl_id: setlId, mdtrt_id: mdtrtId, psn_no: zhang.psnNo } });
    expect(cancel.infcode).toBe(0);
    expect((await ledger()).summary.inForce).toBe(0);
    const r = await client.call('2601', { data: { psn_no: zhang.psnNo, omsgid: cancel.msgid, oinfno: '2208' } });
    expect(r.infcode).toBe(0);
    const l = await ledger();
    expect(l.summary.inForce).toBe(1);
    expect(l.entries.find((e) => e.setlId === setlId)?.state).toBe('settled');
  });

  it('a msgid reversed before it reached the hub is refused when it arrives late', async () => {
    const { body } = await readyToSettle();
    const r = await client.call('2601', { data: { psn_no: zhang.psnNo, omsgid: body.msgid, oinfno: '2207' } });
    expect(r.infcode).toBe(0);
    expect(r.warnMsg).toContain('未到达');
    const late = await client.send('2207', body);
    expect(late.infcode).toBe(-1);
    expect(late.errMsg).toContain('已被冲正');
    expect((await ledger()).summary.settlements).toBe(0);
  });

  it('5203 without setl_id tells whether a settlement whose answer was lost went through, and by which msgid', async () => {
    const { body, mdtrtId } = await readyToSettle();
    await client.admin('POST', '/admin/faults', { kind: 'drop-after-commit', infno: '2207', count: 1 });
    await expect(client.send('2207', body)).rejects.toThrow();
    const q = await client.ok('5203', { data: { psn_no: zhang.psnNo, mdtrt_id: mdtrtId } });
    expect(q.setlinfo?.medins_setl_id).toBe(body.msgid);
  });
});
