import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName } from './mask';
import { redactDeep } from './redact';

describe('redaction of patient data', () => {
  it('masks ID numbers and names by key at any depth, and drops secrets', () => {
    const out = JSON.stringify(
      redactDeep({ input: { data: { certno: '320501197203150018', psn_name: '张伟', mdtrt_cert_no: '320501197203150018' } }, password: 'x', list: [{ idNumber: '510101195506070036', name: '王芳' }] }),
    );
    expect(out).not.toMatch(/320501197203150018|510101195506070036|张伟|王芳/);
    expect(out).toContain('320501********0018');
    expect(out).toContain('[redacted]');
  });

  it('masks ID numbers inside free text', () => {
    expect(redactDeep('patient 31010119850430005X refused')).toBe('patient 310101********005X refused');
  });

  it('keeps the family name and region readable for the cashier', () => {
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskIdNumber('320501197203150018')).toBe('320501********0018');
  });
});
