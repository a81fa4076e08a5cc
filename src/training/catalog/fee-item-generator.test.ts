import { describe, expect, it } from 'vitest';
import { pinyinInitials } from './fee-item-generator';

describe('pinyinInitials', () => {
  it('gives the upper-case initials of the Chinese characters and drops the rest', () => {
    expect(pinyinInitials('阿莫西林胶囊')).toBe('AMXLJN');
    expect(pinyinInitials('一次性使用无菌注射器（5ml）')).toBe('YCXSYWJZSQ');
  });
});
