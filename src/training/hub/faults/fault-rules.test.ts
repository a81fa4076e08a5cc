import { describe, expect, it } from 'vitest';
import { FaultInjector, parseFaultFlag } from './fault-rules';

describe('fault rules', () => {
  it('parses --fault flags', () => {
    expect(parseFaultFlag('drop-after-commit@2207*1')).toMatchObject({ kind: 'drop-after-commit', infno: '2207', count: 1 });
    expect(parseFaultFlag('latency,ms=3000')).toMatchObject({ kind: 'latency', infno: '*', ms: 3000 });
    expect(parseFaultFlag('http-error@2201*2,status=502')).toMatchObject({ status: 502, count: 2 });
    expect(parseFaultFlag('business-error@2401,errMsg=系统繁忙')).toMatchObject({ errMsg: '系统繁忙' });
    expect(() => parseFaultFlag('explode')).toThrow(/unknown fault kind/);
    expect(() => parseFaultFlag('latency@2207')).toThrow(/needs ms/);
    expect(() => parseFaultFlag('http-error,status=200')).toThrow(/status/);
  });

  it('applies a rule to the next N matching calls only', () => {
    const f = new FaultInjector();
    f.add({ kind: 'drop-after-commit', infno: '2207', count: 2 });
    f.add({ kind: 'latency', infno: '*', ms: 5 });
    expect(f.take('1101').map((r) => r.kind)).toEqual(['latency']);
    expect(f.take('2207').map((r) => r.kind)).toEqual(['drop-after-commit', 'latency']);
    expect(f.take('2207').map((r) => r.kind)).toEqual(['drop-after-commit', 'latency']);
    expect(f.take('2207').map((r) => r.kind)).toEqual(['latency']);
    f.clear();
    expect(f.take('2207')).toEqual([]);
  });
});
