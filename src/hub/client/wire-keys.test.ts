import { describe, expect, it } from 'vitest';
import { LosslessNumber } from 'lossless-json';
import { journalKeysOf, mentionsPerson } from './wire-keys';

describe('readable journal keys found in any transaction\'s input', () => {
  it('finds psn_no, mdtrt_id and setl_id in data nodes, lists and nested nodes', () => {
    expect(journalKeysOf({ data: { psn_no: 'P1', mdtrt_id: 'M1', setl_id: 'S1' } })).toEqual({ psnNo: 'P1', mdtrtId: 'M1', setlId: 'S1' });
    expect(journalKeysOf({ feedetail: [{ psn_no: 'P2', mdtrt_id: 'M2' }] })).toEqual({ psnNo: 'P2', mdtrtId: 'M2', setlId: undefined });
    expect(journalKeysOf({ druginfo: { psn_no: new LosslessNumber('123') } }).psnNo).toBe('123');
  });
  it('knows when an input names a person', () => {
    expect(mentionsPerson({ data: { psn_no: 'P1' } })).toBe(true);
    expect(mentionsPerson({ data: { ver: '0' } })).toBe(false);
    expect(mentionsPerson({ data: { psn_no: '' } })).toBe(false);
  });
});
