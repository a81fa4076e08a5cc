import { describe, expect, it } from 'vitest';
import { HubBudgetExhaustedError, HubBusinessError, HubConnectionLostError, HubNetworkError, HubProtocolError, HubTimeoutError, isOutcomeUnknown, isUnreachable } from './errors';

const settle = { infno: '2207', txName: '门诊结算', sideEffect: true, msgid: 'H31010100001202403010830050007', journalId: 3 };
const query = { infno: '1101', txName: '人员信息获取', sideEffect: false };

describe('hub errors say what happened, what to do, and what may be assumed', () => {
  it('network and budget failures: nothing was sent', () => {
    expect(new HubNetworkError(settle)).toMatchObject({ code: 'HUB_NETWORK', outcome: 'not_sent' });
    expect(new HubBudgetExhaustedError(settle, 120)).toMatchObject({ code: 'HUB_BUDGET_EXHAUSTED', outcome: 'not_sent', data: { remainingMs: 120 } });
  });

  it('timeouts and lost connections of side-effect calls warn against charging twice', () => {
    const t = new HubTimeoutError(settle, 8000);
    expect(t).toMatchObject({ code: 'HUB_TIMEOUT', outcome: 'unknown', msgid: settle.msgid, journalId: 3 });
    expect(t.message).toBe('医保中心未在时限内答复，门诊结算结果未知');
    expect(t.hint).toContain(settle.msgid);
    expect(new HubTimeoutError(query, 8000).hint).toContain('重试');
    expect(isOutcomeUnknown(new HubConnectionLostError(settle))).toBe(true);
  });

  it('shows the hub\'s err_msg as is, and says so when there is none', () => {
    expect(new HubBusinessError(settle, -1, '该人员无有效的异地就医备案').message).toBe('该人员无有效的异地就医备案');
    expect(new HubBusinessError(settle, -1, undefined).message).toContain('未说明原因');
    expect(new HubBusinessError(settle, -1, 'x').outcome).toBe('rejected');
  });

  it('treats a gateway refusal as rejected, any other bad answer as unknown', () => {
    expect(new HubProtocolError(settle, { httpStatus: 403, stage: 'http' })).toMatchObject({ code: 'HUB_GATEWAY_REFUSED', outcome: 'rejected' });
    expect(new HubProtocolError(settle, { stage: 'json' })).toMatchObject({ code: 'HUB_PROTOCOL', outcome: 'unknown' });
  });

  it('serialises for the renderer without English detail', () => {
    const json = new HubTimeoutError({ ...settle, detail: 'timeout (wait): secret detail' }, 8000).toJSON();
    expect(json).toMatchObject({ code: 'HUB_TIMEOUT', data: { infno: '2207', msgid: settle.msgid } });
    expect(JSON.stringify(json)).not.toContain('secret detail');
  });

  it('knows which failures mean the hub is unreachable', () => {
    expect(isUnreachable(new HubNetworkError(query))).toBe(true);
    expect(isUnreachable(new HubProtocolError(query, { httpStatus: 502, stage: 'http' }))).toBe(true);
    expect(isUnreachable(new HubProtocolError(query, { stage: 'json' }))).toBe(false);
    expect(isUnreachable(new HubBusinessError(query, -1, 'x'))).toBe(false);
  });
});
