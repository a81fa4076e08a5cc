import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { csbSignature, gatewayHeaders, tifSignature, type GatewayClock } from './gateway-auth';

const fixed: GatewayClock = { nowMs: () => 1_720_489_942_123, nonce: () => '18f8a3c9e2b-3f2a1c' };

describe('gateway authentication headers', () => {
  it('sign tif requests as SHA256hex(timestamp + paasToken + nonce + timestamp)', () => {
    // Vector computed with Python's hashlib (an independent implementation), timestamp in unix seconds.
    const expected = 'bdd99461f3965ecbbe37f2f7c2f67aac7e7cb5e8bd7e6a041c883ab8269a9ac4';
    expect(createHash('sha256').update('1720489942' + 'L950GcMXgDfm1BvT' + '18f8a3c9e2b-3f2a1c' + '1720489942').digest('hex')).toBe(expected);
    expect(tifSignature('1720489942', 'L950GcMXgDfm1BvT', '18f8a3c9e2b-3f2a1c')).toBe(expected);
    expect(gatewayHeaders({ scheme: 'tif', paasId: 'hsa_pid', paasToken: 'L950GcMXgDfm1BvT' }, fixed)).toEqual({
      'x-tif-paasid': 'hsa_pid',
      'x-tif-timestamp': '1720489942',
      'x-tif-nonce': '18f8a3c9e2b-3f2a1c',
      'x-tif-signature': expected,
    });
  });

  it('matches a known SHA-256 vector for a fixed input', () => {
    // sha256("abc") is the FIPS 180-2 example: proves hex encoding and byte order.
    expect(tifSignature('', 'abc', '')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('sign CSB requests with HMAC-SHA1 over the sorted _api_ parameters, Base64', () => {
    const headers = gatewayHeaders({ scheme: 'csb', apiName: 'hsa.callService', apiVersion: '1.0.0', accessKey: 'ak1', secretKey: 'sk1' }, fixed);
    const text = '_api_access_key=ak1&_api_name=hsa.callService&_api_timestamp=1720489942&_api_version=1.0.0';
    // Vector computed with Python's hmac module.
    expect(headers._api_signature).toBe('NTC8xDpBrIapi9BCNwwbxpeBbeU=');
    expect(createHmac('sha1', 'sk1').update(text).digest('base64')).toBe('NTC8xDpBrIapi9BCNwwbxpeBbeU=');
    expect(headers).toMatchObject({ _api_name: 'hsa.callService', _api_version: '1.0.0', _api_access_key: 'ak1', _api_timestamp: '1720489942' });
    // HMAC-SHA1 gives 20 bytes; the order of the parameters given does not matter.
    expect(Buffer.from(headers._api_signature!, 'base64')).toHaveLength(20);
    expect(csbSignature({ b: '2', a: '1' }, 'k')).toBe(csbSignature({ a: '1', b: '2' }, 'k'));
  });

  it('adds nothing when the scheme is none', () => {
    expect(gatewayHeaders({ scheme: 'none' }, fixed)).toEqual({});
  });
});
