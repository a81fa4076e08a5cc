import { describe, expect, it } from 'vitest';
import { catalogEntryName, catalogLines, catalogZipStream } from './catalog-file';
import { FEE_ITEM_COLUMNS } from './catalog-row';
import { TrainingCatalog } from './training-catalog';

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

describe('catalogue files', () => {
  const catalog = new TrainingCatalog({ feeItemRows: 2_000 });

  it('names the entry after the catalogue and the requested version', () => {
    expect(catalogEntryName('1301', '20250401000000')).toBe('1301_20250401000000.txt');
    expect(catalogEntryName('1301', '')).toBe('1301_0.txt');
  });

  it('starts with the header line and has one TAB-separated line per row, national code first', () => {
    const lines = [...catalogLines(catalog, '1305', '')];
    expect(lines[0]).toBe(FEE_ITEM_COLUMNS.join('\t'));
    expect(lines).toHaveLength(catalog.count('1305') + 1);
    const first = lines[1]!.split('\t');
    expect(first).toHaveLength(FEE_ITEM_COLUMNS.length);
    expect(catalog.lookup(first[0]!)).toBeDefined();
  });

  it('streams the same zip bytes for the same catalogue (fixed entry time, seeded rows)', async () => {
    const a = await bytes(catalogZipStream(catalog, '1302', ''));
    const b = await bytes(catalogZipStream(new TrainingCatalog({ feeItemRows: 2_000 }), '1302', ''));
    expect(a.readUInt32LE(0)).toBe(0x04034b50);
    expect(a.equals(b)).toBe(true);
  });
});
