import { describe, expect, it } from 'vitest';
import { isCrossProvince, provinceCode, provinceName } from './provinces';

describe('provinces', () => {
  it('names the province of an area code and says when it is unknown', () => {
    expect(provinceName(provinceCode('320500'))).toBe('江苏');
    expect(provinceName(provinceCode(''))).toBe('未知');
    expect(provinceName('99')).toBe('区划99');
  });

  it('treats a different first two digits as cross-province', () => {
    expect(isCrossProvince('320500', '310000')).toBe(true);
    expect(isCrossProvince('310115', '310000')).toBe(false);
    expect(isCrossProvince('', '310000')).toBe(false);
  });
});
