// Sample drug package codes for the training scanner (invented products; valid check digits).
// The pharmacy screen looks codes up in the catalogue; these exist to practise scanning and to
// show the three code shapes a pharmacy meets: EAN-13, GS1 DataMatrix (GTIN + expiry + batch +
// serial) and the 20-digit 药品追溯码.
export const TRAINING_DRUG_CODES: readonly { code: string; name: string }[] = [
  { code: '6901234567892', name: '阿莫西林胶囊 0.25g×24粒（培训样例，EAN-13）' },
  { code: '6923456789012', name: '硝苯地平控释片 30mg×7片（培训样例，EAN-13）' },
  { code: '6934567890122', name: '二甲双胍缓释片 0.5g×30片（培训样例，EAN-13）' },
  { code: '(01)06901234567892(17)271231(10)B20261123(21)000001', name: '阿莫西林胶囊（培训样例，GS1 含有效期/批号/序列号）' },
  { code: '81234567890123456789', name: '培训样例药品追溯码（20位）' },
];
