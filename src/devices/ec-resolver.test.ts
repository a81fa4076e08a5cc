import { describe, expect, it } from 'vitest';
import { hubEcResolver, type EcQueryRequestLike } from './ec-resolver';

describe('ec.query through the hub client', () => {
  it('sends the institution, operator and payload; maps the identity back', async () => {
    const sent: EcQueryRequestLike[] = [];
    const resolver = hubEcResolver(
      {
        async ecQuery(request) {
          sent.push(request);
          return { idNo: '340101198809210026', idType: '01', userName: '李娜', ecToken: 'EC-TOKEN', insuOrg: '340100', gender: '2', birthday: undefined };
        },
      },
      () => ({ code: 'H31010100001', name: '上海市训练示范医院' }),
    );
    const r = await resolver.resolveEVoucher({ payload: 'EC0134010020261123LN00000000002', businessType: '01301', operatorId: 'sy01', operatorName: '王小红' });
    expect(sent[0]).toEqual({
      orgId: 'H31010100001',
      transType: 'ec.query',
      data: { orgId: 'H31010100001', businessType: '01301', operatorId: 'sy01', operatorName: '王小红', officeId: 'H31010100001', officeName: '上海市训练示范医院', ecQrCode: 'EC0134010020261123LN00000000002' },
    });
    expect(r).toEqual({ ecToken: 'EC-TOKEN', idNumber: '340101198809210026', idType: '01', name: '李娜', insuredArea: '340100', gender: '2' });
  });
});
