import { describe, expect, it } from 'vitest';
import { TransportFailure } from './http-transport';
import { describeTransportProblem } from './transport-problem';

describe('transport problems in Chinese', () => {
  it('names the common network failures', () => {
    expect(describeTransportProblem(new TransportFailure('not_sent', 'connect', 'connect ECONNREFUSED', 'ECONNREFUSED'))).toBe('连接被拒绝（对方未在该端口提供服务）');
    expect(describeTransportProblem(new TransportFailure('not_sent', 'connect', 'no connection within 3000 ms'))).toBe('连接超时');
    expect(describeTransportProblem(new TransportFailure('timeout', 'wait', 'x'))).toBe('等待答复超时');
    expect(describeTransportProblem(Object.assign(new Error('x'), { code: 'CERT_HAS_EXPIRED' }))).toBe('服务器证书已过期');
    expect(describeTransportProblem(new Error('odd'))).toBe('无法建立连接');
  });
});
