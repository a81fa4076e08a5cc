import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { HubCatalogSource, type HubForCatalog } from './hub-catalog-source';

function fakeHub() {
  const calls: { infno: string; input: unknown; operator: unknown }[] = [];
  let signIns = 0;
  const hub = {
    client: {
      call: async (infno: string, input: unknown, options: { operator?: unknown }) => {
        calls.push({ infno, input, operator: options.operator });
        if (infno === '9001') return { output: { signinoutb: { sign_no: `S${++signIns}` } } };
        return { output: {} };
      },
    },
    catalogFile: async (infno: string, ver: string, options: { operator?: unknown }) => {
      calls.push({ infno, input: { ver }, operator: options.operator });
      return { output: { file_qury_no: `F-${infno}`, filename: 'plc', data_cnt: 12 } };
    },
    download: async (input: unknown, options: { operator?: unknown }) => {
      calls.push({ infno: '9102', input, operator: options.operator });
      return { stream: Readable.from([Buffer.from('zip')]) };
    },
  };
  return { hub: hub as unknown as HubForCatalog, calls };
}

const config = () => ({ terminal: { terminalId: 'T07', devNo: '', mac: '', ip: '10.0.0.7' }, institution: { code: 'H31010100001' } }) as never;

describe('catalogue files from the hub', () => {
  it('signs the terminal in before its first request and names it (with the sign_no) on every call', async () => {
    const { hub, calls } = fakeHub();
    const source = new HubCatalogSource(hub, config);
    const prepared = await source.prepare('1301', '');
    expect(prepared).toEqual({ fileQueryNo: 'F-1301', filename: 'plc', rows: 12 });
    await source.download('1301', prepared);
    await source.prepare('1307', '20250101000000');
    expect(calls.map((c) => c.infno)).toEqual(['9001', '1301', '9102', '1307']);
    expect(calls[0]!.input).toEqual({ signIn: { opter_no: 'T07', ip: '10.0.0.7' } });
    expect(calls.slice(1).map((c) => c.operator)).toEqual(Array(3).fill({ code: 'T07', name: '终端T07', signNo: 'S1' }));
    // A full download asks for version "0"; an incremental one for the local version.
    expect(calls[1]!.input).toEqual({ ver: '0' });
    expect(calls[3]!.input).toEqual({ ver: '20250101000000' });
    expect(calls[2]!.input).toMatchObject({ fsDownloadIn: { file_qury_no: 'F-1301', fixmedins_code: 'H31010100001' } });
  });

  it('signs out when the sync ends, and signs in again for the next one', async () => {
    const { hub, calls } = fakeHub();
    const source = new HubCatalogSource(hub, config);
    await source.prepare('1301', '');
    await source.close();
    await source.close();
    await source.prepare('1301', 'v');
    expect(calls.map((c) => c.infno)).toEqual(['9001', '1301', '9002', '9001', '1301']);
    expect(calls[2]!.input).toEqual({ signOut: { sign_no: 'S1', opter_no: 'T07' } });
    expect((calls[4]!.operator as { signNo: string }).signNo).toBe('S2');
  });
});
