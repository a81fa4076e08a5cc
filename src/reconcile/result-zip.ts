// The 3202 result arrives through 9102 as a zip holding one text file (small: one line per
// settlement of the period), read in memory. A plain-text answer is accepted too.
import type { Readable } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl from 'yauzl';
import { AppError } from '@src/common/errors';

function broken(detail: string, cause?: unknown): AppError {
  return new AppError({
    code: 'RECONCILE_RESULT_MALFORMED',
    message: '医保中心对明细账结果文件无法读取',
    hint: '请稍后重新对账；仍有问题请联系信息科。',
    detail: `3202 result zip: ${detail}`,
    cause,
  });
}

export async function readAllBytes(stream: NodeJS.ReadableStream | Readable | AsyncIterable<Uint8Array>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream as AsyncIterable<Uint8Array | string>) chunks.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(chunks);
}

/** The text of the first file in a zip (or the bytes themselves when they are not a zip). */
export async function resultText(bytes: Buffer): Promise<string> {
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) return bytes.toString('utf8');
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true, validateEntrySizes: true }, (err, z) => (err || !z ? reject(broken(String(err?.message), err)) : resolve(z))),
  );
  const entry = await new Promise<yauzl.Entry>((resolve, reject) => {
    zip.on('error', (e: Error) => reject(broken(e.message, e)));
    zip.on('entry', (e: yauzl.Entry) => (e.fileName.endsWith('/') ? zip.readEntry() : resolve(e)));
    zip.on('end', () => reject(broken('zip holds no file')));
    zip.readEntry();
  });
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err || !s ? reject(broken(String(err?.message), err)) : resolve(s))));
  const content = await readAllBytes(stream);
  zip.close();
  if (crc32(content) >>> 0 !== entry.crc32 >>> 0) throw broken('CRC mismatch');
  return content.toString('utf8');
}
