import { describe, expect, it } from 'vitest';
import { birthDateOf, genderOf, idNumberCheckChar, idNumberProblem } from './id-number';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';

describe('resident ID numbers (GB 11643)', () => {
  it('accept every training patient, with gender and birth date read from the number', () => {
    for (const p of TRAINING_PATIENTS) {
      expect(idNumberProblem(p.idNumber)).toBeNull();
      expect(genderOf(p.idNumber)).toBe(p.gender);
      expect(birthDateOf(p.idNumber)).toBe(p.birthDate);
    }
  });

  it('compute the check character, including X', () => {
    expect(idNumberCheckChar('31010119850430005')).toBe('X');
    expect(idNumberProblem('31010119850430005x')).toBeNull();
  });

  it('say what is wrong with a bad number', () => {
    expect(idNumberProblem('320501197203150019')).toBe('checkDigit');
    expect(idNumberProblem('320501197202300018')).toBe('birthDate');
    expect(idNumberProblem('32050119720315001')).toBe('format');
  });
});
