// SM4 block cipher (GB/T 32907-2016), written from the standard's description.
//
// Why our own: the virtual cards and the virtual PSAM need SM4 in every runtime the terminal
// ships in. Node's OpenSSL exposes sm4-ecb on this machine, but Electron's BoringSSL does not, so
// relying on `crypto.createCipheriv('sm4-ecb')` would break training mode in the desktop app.
// The test checks the standard's example and, where OpenSSL has SM4, random blocks against it.
// Only the raw block operation is needed (ECB on single 16-byte blocks): no modes, no padding.

/** S-box, GB/T 32907-2016 §6.2 table 1. */
const SBOX = Uint8Array.from(
  (
    'd690e9fecce13db716b614c228fb2c05' +
    '2b679a762abe04c3aa44132649860699' +
    '9c4250f491ef987a33540b43edcfac62' +
    'e4b31ca9c908e89580df94fa758f3fa6' +
    '4707a7fcf37317ba83593c19e6854fa8' +
    '686b81b27164da8bf8eb0f4b70569d35' +
    '1e240e5e6358d1a225227c3b01217887' +
    'd40046579fd327524c3602e7a0c4c89e' +
    'eabf8ad240c738b5a3f7f2cef96115a1' +
    'e0ae5da49b341a55ad933230f58cb1e3' +
    '1df6e22e8266ca60c02923ab0d534e6f' +
    'd5db3745defd8e2f03ff6a726d6c5b51' +
    '8d1baf92bbddbc7f11d95c411f105ad8' +
    '0ac13188a5cd7bbd2d74d012b8e5b4b0' +
    '8969974a0c96777e65b9f109c56ec684' +
    '18f07dec3adc4d2079ee5f3ed7cb3948'
  )
    .match(/../g)!
    .map((h) => Number.parseInt(h, 16)),
);

/** System parameter FK (§7.3). */
const FK = [0xa3b1bac6, 0x56aa3350, 0x677d9197, 0xb27022dc];

/** Fixed parameters CK: byte j of CK_i is (4i + j) × 7 mod 256 (§7.3). */
const CK = Array.from({ length: 32 }, (_, i) => {
  let ck = 0;
  for (let j = 0; j < 4; j++) ck = (ck << 8) | (((4 * i + j) * 7) & 0xff);
  return ck >>> 0;
});

function rotl(x: number, n: number): number {
  return ((x << n) | (x >>> (32 - n))) >>> 0;
}

/** τ: the S-box applied to each byte of a word. */
function tau(a: number): number {
  return (
    (((SBOX[(a >>> 24) & 0xff] as number) << 24) |
      ((SBOX[(a >>> 16) & 0xff] as number) << 16) |
      ((SBOX[(a >>> 8) & 0xff] as number) << 8) |
      (SBOX[a & 0xff] as number)) >>>
    0
  );
}

/** T for the rounds: L(τ(x)), L(B) = B ⊕ (B<<<2) ⊕ (B<<<10) ⊕ (B<<<18) ⊕ (B<<<24). */
function roundT(x: number): number {
  const b = tau(x);
  return (b ^ rotl(b, 2) ^ rotl(b, 10) ^ rotl(b, 18) ^ rotl(b, 24)) >>> 0;
}

/** T' for the key schedule: L'(τ(x)), L'(B) = B ⊕ (B<<<13) ⊕ (B<<<23). */
function keyT(x: number): number {
  const b = tau(x);
  return (b ^ rotl(b, 13) ^ rotl(b, 23)) >>> 0;
}

function readWord(b: Uint8Array, at: number): number {
  return (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0;
}

function checkBlock(name: string, b: Uint8Array): void {
  if (b.length !== 16) throw new RangeError(`SM4 ${name} must be 16 bytes, got ${b.length}`);
}

/** The 32 round keys for a 128-bit key. */
export function sm4RoundKeys(key: Uint8Array): Uint32Array {
  checkBlock('key', key);
  const k = [0, 1, 2, 3].map((i) => (readWord(key, i * 4) ^ (FK[i] as number)) >>> 0);
  const rk = new Uint32Array(32);
  for (let i = 0; i < 32; i++) {
    const next = ((k[i] as number) ^ keyT(((k[i + 1] as number) ^ (k[i + 2] as number) ^ (k[i + 3] as number) ^ (CK[i] as number)) >>> 0)) >>> 0;
    k.push(next);
    rk[i] = next;
  }
  return rk;
}

function crypt(block: Uint8Array, rk: Uint32Array, decrypt: boolean): Uint8Array {
  checkBlock('block', block);
  const x = [0, 1, 2, 3].map((i) => readWord(block, i * 4));
  for (let i = 0; i < 32; i++) {
    const key = rk[decrypt ? 31 - i : i] as number;
    const next = ((x[i] as number) ^ roundT(((x[i + 1] as number) ^ (x[i + 2] as number) ^ (x[i + 3] as number) ^ key) >>> 0)) >>> 0;
    x.push(next);
  }
  // R(X32, X33, X34, X35) = (X35, X34, X33, X32)
  const out = new Uint8Array(16);
  for (let i = 0; i < 4; i++) {
    const w = x[35 - i] as number;
    out[i * 4] = w >>> 24;
    out[i * 4 + 1] = (w >>> 16) & 0xff;
    out[i * 4 + 2] = (w >>> 8) & 0xff;
    out[i * 4 + 3] = w & 0xff;
  }
  return out;
}

export function sm4EncryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return crypt(block, sm4RoundKeys(key), false);
}

export function sm4DecryptBlock(key: Uint8Array, block: Uint8Array): Uint8Array {
  return crypt(block, sm4RoundKeys(key), true);
}
