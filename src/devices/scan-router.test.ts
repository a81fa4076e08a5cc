import { describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import type { MediumInput } from './driver-context';
import type { EcResolver } from './ec-resolver';
import { ScanRouter } from './scan-router';

function setup(resolver?: EcResolver, now = () => 0) {
  const media: { id: string; m: MediumInput }[] = [];
  const errors: { id: string; medium: string; e: AppError }[] = [];
  const router = new ScanRouter({
    classifier: () => ({}),
    resolver: () => resolver,
    ecContext: () => ({ businessType: '02121', operatorId: 'yf01', operatorName: '李药师' }),
    medium: (id, m) => media.push({ id, m }),
    readError: (id, medium, e) => errors.push({ id, medium, e }),
    now,
  });
  return { router, media, errors };
}

describe('scans are routed by what they are', () => {
  it('a drug code becomes a drugBarcode medium for the pharmacy screen', async () => {
    const { router, media } = setup();
    await router.route('scanner', '6901234567892');
    expect(media).toEqual([{ id: 'scanner', m: { kind: 'drugBarcode', code: '6901234567892', symbology: 'ean13', gtin: '6901234567892' } }]);
  });

  it('an e-voucher is resolved through ec.query with the operator on duty', async () => {
    const calls: unknown[] = [];
    const { router, media } = setup({
      async resolveEVoucher(input) {
        calls.push(input);
        return { ecToken: 'T0K3N', idNumber: '320501197203150018', idType: '01', name: '张伟', insuredArea: '320500', gender: '1' };
      },
    });
    await router.route('scanner', 'EC0132050020261123ZW00000000001');
    expect(calls).toEqual([{ payload: 'EC0132050020261123ZW00000000001', businessType: '02121', operatorId: 'yf01', operatorName: '李药师' }]);
    expect(media[0]!.m).toEqual({ kind: 'eVoucher', ecToken: 'T0K3N', identity: { name: '张伟', idNumber: '320501197203150018', idType: '01', insuredArea: '320500', gender: '1' }, mdtrtCertType: '01', mdtrtCertNo: 'T0K3N' });
  });

  it('the hub refusing an e-voucher is shown as is; no hub at all is explained', async () => {
    const refusing = setup({
      async resolveEVoucher() {
        throw new AppError({ code: 'HUB_BUSINESS', message: '电子凭证已过期', hint: '请患者刷新二维码' });
      },
    });
    await refusing.router.route('scanner', 'EC0132050020261123ZW00000000001');
    expect(refusing.errors[0]).toMatchObject({ medium: 'eVoucher', e: { message: '电子凭证已过期' } });
    const none = setup(undefined);
    await none.router.route('scanner', 'EC0132050020261123ZW00000000001');
    expect(none.errors[0]!.e).toMatchObject({ code: 'EC_UNAVAILABLE', message: '暂时无法识别医保电子凭证' });
  });

  it('a resolver that fails unexpectedly still ends in a Chinese read error', async () => {
    const { router, errors } = setup({
      async resolveEVoucher() {
        throw new TypeError('boom');
      },
    });
    await router.route('scanner', 'EC0132050020261123ZW00000000001');
    expect(errors[0]!.e).toMatchObject({ code: 'EC_QUERY_FAILED', message: '医保电子凭证识别失败' });
  });

  it('the same code read twice in a row is handled once; later it counts again', async () => {
    let t = 0;
    const { router, media } = setup(undefined, () => t);
    await router.route('s', '6901234567892');
    t = 500;
    await router.route('s', '6901234567892');
    t = 2500;
    await router.route('s', '6901234567892');
    expect(media).toHaveLength(2);
  });

  it('an unrecognised code is a read error with a hint', async () => {
    const { router, errors } = setup();
    await router.route('s', 'hi');
    expect(errors[0]).toMatchObject({ medium: 'barcode', e: { code: 'SCAN_UNRECOGNISED', hint: expect.stringContaining('扫描') } });
  });
});
