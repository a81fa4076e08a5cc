import { describe, expect, it } from 'vitest';
import { chronicDiseaseOfCode, PILOT_CHRONIC_DISEASES } from './code-tables';
import { parseCodeList } from './icd-source';

describe('chronic disease codes', () => {
  it('maps the five pilot diseases from their chronic codes and from ICD-10 diagnoses', () => {
    expect(PILOT_CHRONIC_DISEASES).toHaveLength(5);
    expect(chronicDiseaseOfCode('M03900')?.name).toBe('高血压');
    expect(chronicDiseaseOfCode('I10.x00')?.key).toBe('hypertension');
    expect(chronicDiseaseOfCode('E11.900')?.key).toBe('diabetes');
    expect(chronicDiseaseOfCode('N18.500')?.key).toBe('dialysis');
    expect(chronicDiseaseOfCode('Z94.000')?.key).toBe('transplantAntiRejection');
    expect(chronicDiseaseOfCode('C34.900')?.key).toBe('cancerTherapy');
    expect(chronicDiseaseOfCode('J06.900')).toBeUndefined();
  });
});

describe('parseCodeList', () => {
  it('reads CODE NAME lines and skips blank and malformed ones', () => {
    expect(parseCodeList('A00.000 霍乱\r\n\nBAD\nI10.x00 特发性（原发性）高血压\n')).toEqual([
      ['A00.000', '霍乱'],
      ['I10.x00', '特发性（原发性）高血压'],
    ]);
  });
});
