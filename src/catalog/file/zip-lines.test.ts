import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import yazl from 'yazl';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { zipLines } from './zip-lines';

function zipOf(name: string, content: Buffer, compress = true): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(content, name, { compress });
  zip.end();
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}

async function collect(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of zipLines(file)) chunk.lines.forEach((text, i) => out.push(`${chunk.first + i}:${text}`));
  return out;
}

describe('reading the text file of a catalogue zip', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(os.tmpdir(), 'yk-zip-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('yields numbered lines, with or without CR and a final line break', async () => {
    const file = path.join(dir, 'a.zip');
    writeFileSync(file, await zipOf('1301_0.txt', Buffer.from('\uFEFFcode\tname\r\nX1\t阿莫西林\nX2\t布洛芬')));
    expect(await collect(file)).toEqual(['1:code\tname', '2:X1\t阿莫西林', '3:X2\t布洛芬']);
  });

  it('reads a file that is not UTF-8 as GB18030 (Chinese Windows tools)', async () => {
    const file = path.join(dir, 'gbk.zip');
    writeFileSync(file, await zipOf('x.txt', iconv.encode('code\tname\nX1\t阿莫西林胶囊\n', 'gb18030')));
    expect(await collect(file)).toEqual(['1:code\tname', '2:X1\t阿莫西林胶囊']);
  });

  it('refuses a truncated zip as corrupt', async () => {
    const file = path.join(dir, 'cut.zip');
    const bytes = await zipOf('x.txt', Buffer.from('code\tname\n'.repeat(1000)));
    writeFileSync(file, bytes.subarray(0, bytes.length - 30));
    await expect(collect(file)).rejects.toMatchObject({ code: 'CATALOG_FILE_CORRUPT', message: '目录文件已损坏，无法读取' });
  });

  it('detects a damaged byte by CRC-32 even where inflate would not notice (stored entry)', async () => {
    const file = path.join(dir, 'flip.zip');
    const bytes = Buffer.from(await zipOf('x.txt', Buffer.from('code\tname\nX1\tAAAA\n'), false));
    const at = bytes.indexOf(Buffer.from('AAAA'));
    bytes[at] = 0x42;
    writeFileSync(file, bytes);
    await expect(collect(file)).rejects.toMatchObject({ code: 'CATALOG_FILE_CORRUPT' });
  });

  it('refuses a file that is not a zip at all', async () => {
    const file = path.join(dir, 'html.zip');
    writeFileSync(file, '<html>502 Bad Gateway</html>');
    await expect(collect(file)).rejects.toMatchObject({ code: 'CATALOG_FILE_CORRUPT' });
    expect(readFileSync(file, 'utf8')).toContain('502');
  });
});
