// Authenticated encryption of small values at rest (AES-256-GCM), and keyed lookup hashes so an
// encrypted ID number can still be found ("blind index"). Format of a sealed value:
// 'v1.' + base64url(iv(12) | tag(16) | ciphertext). The optional context (e.g. a table and row id)
// is bound as associated data, so a value copied to another row does not decrypt.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { AppError } from '@src/common/errors';

export class SealedBox {
  private readonly encKey: Buffer;
  private readonly indexKey: Buffer;

  constructor(dataKey: Buffer) {
    if (dataKey.length !== 32) throw new RangeError('data key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'yikatong/seal/v1', 32));
    this.indexKey = Buffer.from(hkdfSync('sha256', dataKey, Buffer.alloc(0), 'yikatong/lookup/v1', 32));
  }

  seal(plain: string, context = ''): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return 'v1.' + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
  }

  open(sealed: string, context = ''): string {
    if (!sealed.startsWith('v1.')) throw this.corrupt();
    const raw = Buffer.from(sealed.slice(3), 'base64url');
    if (raw.length < 28) throw this.corrupt();
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch (e) {
      throw this.corrupt(e);
    }
  }

  sealJson(value: unknown, context = ''): string {
    return this.seal(JSON.stringify(value), context);
  }

  openJson<T>(sealed: string, context = ''): T {
    return JSON.parse(this.open(sealed, context)) as T;
  }

  /** A stable keyed hash for equality lookups (e.g. find settlements by ID number) without storing the value. */
  lookupHash(value: string): string {
    return createHmac('sha256', this.indexKey).update(value.normalize('NFKC').toUpperCase()).digest('hex');
  }

  private corrupt(cause?: unknown): AppError {
    return new AppError({ code: 'SEALED_VALUE_INVALID', message: '加密数据无法解开（已损坏或密钥不符）', hint: '请联系信息科：检查数据密钥文件是否为本机原有文件。', cause });
  }
}
