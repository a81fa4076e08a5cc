// Gateway authentication headers, per HTTP request, chosen by config.hub.gateway.scheme.
//
// tif (national gateway): x-tif-paasid, x-tif-timestamp (unix seconds), x-tif-nonce,
//   x-tif-signature = lower-case hex SHA-256 of (timestamp + paasToken + nonce + timestamp).
// csb (Jiangsu CSB): _api_name, _api_version, _api_access_key, _api_timestamp as HTTP headers,
//   _api_signature = Base64(HMAC-SHA1(secretKey, "k=v&k=v…")) over those four parameters sorted
//   by name. The one public client seen sends the timestamp in seconds (uncertain: the CSB SDK
//   itself uses milliseconds; docs/hub-client.md).
// none: no headers (training hub, or a hospital front-end that adds them itself).
import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { GatewayConfig } from '@src/contract/config';

export interface GatewayClock {
  /** Unix time, ms. */
  nowMs(): number;
  /** A fresh nonce. */
  nonce(): string;
}

export const systemGatewayClock: GatewayClock = {
  nowMs: () => Date.now(),
  nonce: () => randomBytes(12).toString('hex'),
};

export function tifSignature(timestamp: string, paasToken: string, nonce: string): string {
  return createHash('sha256').update(timestamp + paasToken + nonce + timestamp, 'utf8').digest('hex');
}

export function csbSignature(params: Record<string, string>, secretKey: string): string {
  const text = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHmac('sha1', Buffer.from(secretKey, 'utf8')).update(text, 'utf8').digest('base64');
}

/** The headers to add to one request. */
export function gatewayHeaders(gateway: GatewayConfig, clock: GatewayClock = systemGatewayClock): Record<string, string> {
  switch (gateway.scheme) {
    case 'none':
      return {};
    case 'tif': {
      const timestamp = String(Math.floor(clock.nowMs() / 1000));
      const nonce = clock.nonce();
      return {
        'x-tif-paasid': gateway.paasId,
        'x-tif-timestamp': timestamp,
        'x-tif-nonce': nonce,
        'x-tif-signature': tifSignature(timestamp, gateway.paasToken, nonce),
      };
    }
    case 'csb': {
      const params = {
        _api_name: gateway.apiName,
        _api_version: gateway.apiVersion,
        _api_access_key: gateway.accessKey,
        _api_timestamp: String(Math.floor(clock.nowMs() / 1000)),
      };
      return { ...params, _api_signature: csbSignature(params, gateway.secretKey) };
    }
  }
}
