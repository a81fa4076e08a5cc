// The envelope's signtype/cainfo: a hook for regions that sign requests (SM2/SM3).
//
// Most regions send both empty, or fixed configured values (config.hub.signtype/cainfo: the
// default signer). A region that signs replaces the signer with `hub.setEnvelopeSigner(...)`.
// Provided here: an SM3 digest signer (signtype "SM3", cainfo = SM3 hex of the canonical input),
// using Node's OpenSSL. Node's crypto.sign on an SM2 key computes ECDSA over the SM2 curve, not the
// GB/T 32918.2 signature with the signer's Z value, so a real SM2 signer has to come from the
// region's SDK through this same hook (docs/hub-client.md, "Signing").
import { createHash, getHashes } from 'node:crypto';
import { canonicalJson } from '@src/hub/protocol';

export interface SignatureFields {
  signtype: string;
  cainfo: string;
}

export interface EnvelopeSigner {
  /** `envelope` is the wire request (input already encoded), without signtype/cainfo. */
  sign(envelope: Record<string, unknown>): SignatureFields;
}

/** Fixed values from the configuration (possibly empty). */
export function staticSigner(fields: () => SignatureFields): EnvelopeSigner {
  return { sign: () => fields() };
}

export function sm3Available(): boolean {
  return getHashes().includes('sm3');
}

/** SM3 (GB/T 32905) hex digest through Node's OpenSSL. Throws when OpenSSL lacks SM3. */
export function sm3Hex(data: string | Uint8Array): string {
  if (!sm3Available()) throw new Error('this Node build has no SM3 (OpenSSL without SM3)');
  return createHash('sm3').update(data).digest('hex');
}

/** signtype "SM3", cainfo = SM3 hex of the canonical JSON of `input`. */
export function sm3DigestSigner(): EnvelopeSigner {
  if (!sm3Available()) throw new Error('SM3 is not available in this Node build');
  return {
    sign: (envelope) => ({ signtype: 'SM3', cainfo: sm3Hex(canonicalJson(envelope.input)) }),
  };
}
