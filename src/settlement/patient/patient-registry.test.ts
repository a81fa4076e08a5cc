import { describe, expect, it } from 'vitest';
import { PATIENT_REF_TTL_MS, PatientRegistry } from './patient-registry';

const person = { baseinfo: { psn_no: 'P1' }, insuinfo: [], idetinfo: [] } as never;

describe('patient registry', () => {
  it('hands out opaque handles that expire after 30 minutes with a clear message', () => {
    let now = 0;
    const r = new PatientRegistry(() => now);
    const p = r.add({ name: '张伟', idNumber: '320501197203150018', certType: '02', certNo: '320501197203150018', cardSn: undefined, person, treatmentArea: '310000', chronicCodes: [] });
    expect(p.ref).not.toContain('3205');
    expect(r.get(p.ref).name).toBe('张伟');
    now = PATIENT_REF_TTL_MS + 1;
    expect(() => r.get(p.ref)).toThrow('患者信息已过期或不存在');
  });
});
