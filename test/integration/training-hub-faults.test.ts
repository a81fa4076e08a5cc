// Each fault mode, as the wire shows it, and what it did (or did not do) to the hub's books.
import { parse } from 'lossless-json';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TxOutput } from '@src/hub/protocol/transactions';
import { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import type { LedgerReport } from '@src/training/hub/core/ledger';
import type { TrainingHub } from '@src/training/hub/training-hub';
import type { MinimalHubClient } from '@src/training/hub/testing/minimal-hub-client';
import { signedInClient, startTempTrainingHub, type TempTrainingHub } from '@src/training/hub/testing/temp-training-hub';
import { billTotal, feeLines, findRows, lineFromCatalog, registerOutpatient, settleInput } from '@src/training/hub/testing/visit-scenarios';

const zhang = TRAINING_PATIENTS.find((p) => p.name === '张伟')!;
let fixture: TempTrainingHub;
let hub: TrainingHub;
let client: MinimalHubClient;
const catalog = new TrainingCatalog({ feeItemRows: 6_000 });

beforeAll(async () => {
  fixture = await startTempTrainingHub('training-hub-faults-', catalog);
  hub = fixture.hub;
});
afterAll(() => fixture.close());
beforeEach(async () => {
  client = await signedInClient(hub, { reset: true });
});

async function readyToSettle() {
  const bill = findRows(catalog, '1305', 2, (r) => r.lmtUsedFlag === '0').map((i) => lineFromCatalog(catalog, '1305', i, 10_000));
  const mdtrtId = await registerOutpatient(client, zhang);
  await client.ok('2204', { feedetail: feeLines(mdtrtId, zhang, bill) });
  const stub = { setlinfo: { medfee_sumamt: billTotal(bill), fulamt_ownpay_amt: 0, overlmt_selfpay: 0, preselfpay_amt: 0, inscp_scp_amt: 0 } } as TxOutput<'2206'>;
  const pre = await client.ok('2206', settleInput(zhang, mdtrtId, stub));
  return client.body('2207', settleInput(zhang, mdtrtId, pre));
}

const settlements = async (): Promise<number> => (await client.admin<LedgerReport>('GET', '/admin/ledger')).summary.settlements;
const fault = (spec: Record<string, unknown>) => client.admin('POST', '/admin/faults', spec);
const raw = (text: string) => client.post('/fsi/api/rsfComIfsService/callService', text);

describe('training hub fault injection', () => {
  it('latency: the answer comes after the delay, once', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'latency', infno: '2207', count: 1, ms: 250 });
    const t0 = performance.now();
    const r = await client.send('2207', body);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(240);
    expect(r.infcode).toBe(0);
    const t1 = performance.now();
    await client.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } });
    expect(performance.now() - t1).toBeLessThan(240);
  });

  it('drop before commit: the connection dies, nothing happened; the resend settles once', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'drop-before-commit', infno: '2207', count: 1 });
    await expect(raw(body.text)).rejects.toThrow();
    expect(await settlements()).toBe(0);
    expect((await client.send('2207', body)).infcode).toBe(0);
    expect(await settlements()).toBe(1);
  });

  it('drop after commit (the double-charge trap): the connection dies after the hub settled; the resend gets the first answer, not a second settlement', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    await expect(raw(body.text)).rejects.toThrow();
    expect(await settlements()).toBe(1);
    const resend = await client.send('2207', body);
    expect(resend.infcode).toBe(0);
    expect(await settlements()).toBe(1);
  });

  it('HTTP 5xx: an HTML error page, nothing happened', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'http-error', infno: '2207', count: 2, status: 502 });
    for (let i = 0; i < 2; i++) {
      const res = await raw(body.text);
      expect(res.status).toBe(502);
      expect(res.headers.get('content-type')).toContain('text/html');
      await res.text();
    }
    expect(await settlements()).toBe(0);
    expect((await client.send('2207', body)).infcode).toBe(0);
  });

  it('malformed JSON: HTTP 200 whose body does not parse, after the hub committed', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'malformed-json', infno: '2207', count: 1 });
    const res = await raw(body.text);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(() => parse(text)).toThrow();
    expect(await settlements()).toBe(1);
    expect((await client.send('2207', body)).infcode).toBe(0);
    expect(await settlements()).toBe(1);
  });

  it('slow body: headers at once, the body trickles in over the given time, complete', async () => {
    await fault({ kind: 'slow-body', infno: '1101', count: 1, ms: 300 });
    const t0 = performance.now();
    const r = await client.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    expect(r.infcode).toBe(0);
    expect(r.output?.baseinfo.psn_no).toBe(zhang.psnNo);
  });

  it('business error by infno: infcode -1 with the given err_msg, nothing happened, and only for that infno and count', async () => {
    const body = await readyToSettle();
    await fault({ kind: 'business-error', infno: '2207', count: 1, errMsg: '医保中心系统繁忙，请稍后再试' });
    const other = await client.call('1101', { data: { mdtrt_cert_type: '02', mdtrt_cert_no: zhang.idNumber } });
    expect(other.infcode).toBe(0);
    const r = await client.send('2207', body);
    expect(r.infcode).toBe(-1);
    expect(r.errMsg).toBe('医保中心系统繁忙，请稍后再试');
    expect(await settlements()).toBe(0);
    expect((await client.send('2207', body)).infcode).toBe(0);
    expect((await client.admin<{ faults: unknown[] }>('GET', '/admin/faults')).faults).toEqual([]);
  });

  it('rules can be listed and cleared, and bad rules are refused', async () => {
    await fault({ kind: 'latency', infno: '*', ms: 10 });
    expect((await client.admin<{ faults: unknown[] }>('GET', '/admin/faults')).faults).toHaveLength(1);
    await client.admin('DELETE', '/admin/faults');
    expect((await client.admin<{ faults: unknown[] }>('GET', '/admin/faults')).faults).toHaveLength(0);
    await expect(fault({ kind: 'explode' })).rejects.toThrow(/unknown fault kind/);
  });
});
