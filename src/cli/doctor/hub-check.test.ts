import { afterEach, describe, expect, it } from 'vitest';
import { startFakeHub, type FakeHub } from '../../../test/integration/hub-client-fake-hub';
import { startTestHost, type TestHost } from '../../../test/helpers/test-host';
import type { CheckResult } from './doctor-check';
import { hubCheck } from './hub-check';

let host: TestHost | undefined;
let fake: FakeHub | undefined;
afterEach(async () => {
  await host?.close();
  await fake?.close();
  host = undefined;
  fake = undefined;
});

async function run(): Promise<CheckResult[]> {
  return (await hubCheck.run(host!)) as CheckResult[];
}

describe('doctor: hub check', () => {
  it('reports endpoint, reachability, msgid slot and a clean journal', async () => {
    host = await startTestHost({ role: 'tool' });
    fake = await startFakeHub();
    host.services.hub.setEndpointOverride(fake.url);
    const [endpoint, reach, msgid, journal] = await run();
    expect(endpoint).toMatchObject({ status: 'ok', message: expect.stringContaining(fake.url) });
    expect(reach).toMatchObject({ status: 'ok', message: expect.stringContaining('可以连接') });
    expect(msgid).toMatchObject({ status: 'ok', message: expect.stringContaining('终端位 01') });
    expect(journal).toEqual({ status: 'ok', message: '没有结果未知的医保交易' });
    expect(fake.requests).toHaveLength(0);
  });

  it('says the embedded training hub was not probed when it is not running', async () => {
    host = await startTestHost({ role: 'tool' });
    host.services.hub.setEndpointOverride(undefined); // as if the embedded hub had not started: back to config's default URL (port 0)
    const [, reach] = await run();
    expect(reach).toMatchObject({ status: 'warn', message: expect.stringContaining('培训') });
  });

  it('fails on an unreachable hub and on calls with unknown outcome, saying what to do', async () => {
    host = await startTestHost({ role: 'tool' });
    host.services.hub.setEndpointOverride('http://127.0.0.1:1/fsi/api/rsfComIfsService/callService');
    const j = host.services.hub.journal;
    const id = j.begin({ msgid: 'H31010100001202403010830050100', infno: '2207', context: 'settlement:9', inputDigest: 'a'.repeat(64), requestBody: '{}', deadlineAt: new Date() });
    j.recordOutcome(id, { state: 'unknown', failure: 'timeout' });
    const [, reach, , journal] = await run();
    expect(reach).toMatchObject({ status: 'fail', fix: expect.stringContaining('hub.url') });
    expect(journal).toMatchObject({ status: 'fail', message: expect.stringContaining('门诊结算 报文号 H31010100001202403010830050100（settlement:9）') });
    expect(journal!.fix).toContain('不要让患者重复缴费');
  });
});
