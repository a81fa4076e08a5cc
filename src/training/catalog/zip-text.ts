// Streams lines of text into a one-entry zip, in constant memory (yazl + a pull-based Readable).
//
// Why streaming: a 1.5-million-row catalogue is several hundred MB of text; the zip must leave the
// hub as it is produced, with backpressure from the socket, never sitting whole in memory.
import { Readable } from 'node:stream';
import yazl from 'yazl';

export interface ZipTextOptions {
  /** zlib level 0–9; 1 (fast) by default: the file is built per download. */
  compressionLevel?: number;
  /** Entry timestamp; fixed by default so the same content gives the same bytes. */
  mtime?: Date;
}

const CHUNK_CHARS = 64 * 1024;

/** Joins lines into ~64 KB UTF-8 chunks, each line ending in \n. */
export function* chunkLines(lines: Iterable<string>): Generator<Buffer> {
  let buf = '';
  for (const line of lines) {
    buf += line + '\n';
    if (buf.length >= CHUNK_CHARS) {
      yield Buffer.from(buf, 'utf8');
      buf = '';
    }
  }
  if (buf.length > 0) yield Buffer.from(buf, 'utf8');
}

/** A readable stream of a zip holding one text entry made of `lines`. */
export function zipTextStream(entryName: string, lines: Iterable<string>, options: ZipTextOptions = {}): Readable {
  const zip = new yazl.ZipFile();
  const content = Readable.from(chunkLines(lines), { objectMode: false });
  zip.addReadStream(content, entryName, {
    compressionLevel: options.compressionLevel ?? 1,
    mtime: options.mtime ?? new Date('2025-01-01T00:00:00Z'),
  });
  zip.end();
  const out = zip.outputStream as Readable;
  // An error while generating rows must reach whoever reads the zip, not crash the process.
  content.on('error', (e) => out.destroy(e));
  return out;
}
