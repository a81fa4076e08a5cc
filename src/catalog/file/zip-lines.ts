// Reads the text file inside a catalogue zip line by line, without holding the file in memory.
//
// The hub's 9102 answer is a zip holding one TAB-separated text file. yauzl needs random access
// (the directory is at the end of a zip), so the download is saved to disk first; the entry is
// then inflated as a stream. yauzl does not check CRC-32, so this does (a flipped byte in a
// stored entry would otherwise load silently). Text is UTF-8; a file that is not valid UTF-8 is
// read as GB18030, the encoding Chinese Windows tools write.
import { crc32 } from 'node:zlib';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import iconv from 'iconv-lite';
import yauzl from 'yauzl';
import { AppError } from '@src/common/errors';

/** Lines decoded from one inflated chunk: an async step per chunk, not per line (a catalogue has millions). */
export interface ZipLines {
  /** 1-based line number of lines[0] in the text file. */
  first: number;
  lines: string[];
}

export interface ZipLinesProgress {
  /** Uncompressed bytes read so far and in total. */
  bytes: number;
  totalBytes: number;
}

function corrupt(file: string, detail: string, cause?: unknown): AppError {
  return new AppError({
    code: 'CATALOG_FILE_CORRUPT',
    message: '目录文件已损坏，无法读取',
    hint: '请重新同步：损坏的文件会重新下载；如反复出现，请联系医保中心或信息科。',
    detail: `${file}: ${detail}`,
    cause,
  });
}

function openZip(file: string): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: true, autoClose: true, strictFileNames: false, validateEntrySizes: true }, (err, zip) => (err || !zip ? reject(corrupt(file, String(err?.message), err)) : resolve(zip))),
  );
}

function firstTextEntry(zip: yauzl.ZipFile, file: string): Promise<yauzl.Entry> {
  return new Promise((resolve, reject) => {
    zip.on('error', (e: Error) => reject(corrupt(file, e.message, e)));
    zip.on('entry', (entry: yauzl.Entry) => {
      if (entry.fileName.endsWith('/')) zip.readEntry();
      else resolve(entry);
    });
    zip.on('end', () => reject(corrupt(file, 'zip holds no file')));
    zip.readEntry();
  });
}

function openEntry(zip: yauzl.ZipFile, entry: yauzl.Entry, file: string): Promise<Readable> {
  return new Promise((resolve, reject) => zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(corrupt(file, String(err?.message), err)) : resolve(stream))));
}

function isUtf8(bytes: Buffer): boolean {
  try {
    // A multi-byte character may be cut at the end of the sample: ignore the last 3 bytes.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.max(0, bytes.length - 3)));
    return true;
  } catch {
    return false;
  }
}

/** Yields the lines of the zip's (first) file, chunk by chunk; throws CATALOG_FILE_CORRUPT on a damaged zip. */
export async function* zipLines(file: string, onProgress?: (p: ZipLinesProgress) => void): AsyncGenerator<ZipLines> {
  const zip = await openZip(file);
  const entry = await firstTextEntry(zip, file);
  const stream = await openEntry(zip, entry, file);
  const totalBytes = entry.uncompressedSize;
  let decoder: { write(b: Buffer): string; end(): string | undefined } | undefined;
  let crc = 0;
  let bytes = 0;
  let rest = '';
  let line = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      crc = crc32(chunk, crc);
      bytes += chunk.length;
      if (!decoder) {
        const utf8 = isUtf8(chunk);
        // Node's own UTF-8 decoder is several times faster than a JS one; GB18030 needs iconv-lite.
        decoder = utf8 ? new StringDecoder('utf8') : iconv.getDecoder('gb18030', { stripBOM: true });
      }
      let text = rest + decoder.write(chunk);
      if (line === 0 && rest === '' && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const lines: string[] = [];
      let start = 0;
      let nl: number;
      while ((nl = text.indexOf('\n', start)) >= 0) {
        const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        lines.push(text.slice(start, end));
        start = nl + 1;
      }
      rest = text.slice(start);
      onProgress?.({ bytes, totalBytes });
      if (lines.length > 0) {
        yield { first: line + 1, lines };
        line += lines.length;
      }
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw corrupt(file, e instanceof Error ? e.message : String(e), e);
  }
  rest += decoder?.end() ?? '';
  if (rest.endsWith('\r')) rest = rest.slice(0, -1);
  if (rest.length > 0) yield { first: line + 1, lines: [rest] };
  if ((crc >>> 0) !== entry.crc32 >>> 0) throw corrupt(file, `CRC-32 mismatch: ${crc >>> 0} != ${entry.crc32}`);
}
