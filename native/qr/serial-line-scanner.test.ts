import { describe, expect, it } from 'vitest';
import { FakeByteTransport } from '@native/transport/fake-byte-transport';
import { waitUntil } from '@native/transport/wait-until';
import type { ScanEvent } from './scanner';
import { SerialLineScanner, suffixBytes, type ScannerSuffix } from './serial-line-scanner';
import iconv from 'iconv-lite';

async function scanner(suffix: ScannerSuffix, encoding: 'utf8' | 'gbk' = 'utf8', maxChunk = 3) {
  const t = new FakeByteTransport('scanner', { maxChunk });
  await t.open();
  const s = new SerialLineScanner(t, { suffix, encoding, idleMs: 20 }).attach();
  const scans: ScanEvent[] = [];
  s.onScan((e) => scans.push(e));
  return { t, s, scans };
}

describe('serial line-mode scanner with a configurable suffix', () => {
  it('splits codes on CR (the default), even when chunks cut through them', async () => {
    const { t, scans } = await scanner('CR');
    t.deliver(new TextEncoder().encode('6901234567892\rEC0132050020261123ZW00000000001\r'));
    await waitUntil(() => scans.length === 2);
    expect(scans.map((s) => s.text)).toEqual(['6901234567892', 'EC0132050020261123ZW00000000001']);
  });

  it.each([
    ['LF', '\n'],
    ['CRLF', '\r\n'],
    ['TAB', '\t'],
    ['HEX:03', '\u0003'],
  ] as const)('suffix %s', async (suffix, sep) => {
    const { t, scans } = await scanner(suffix);
    t.deliver(new TextEncoder().encode(`A1234567890${sep}B1234567890${sep}`));
    await waitUntil(() => scans.length === 2);
    expect(scans.map((s) => s.text)).toEqual(['A1234567890', 'B1234567890']);
  });

  it('without a suffix, a pause ends the code', async () => {
    const { t, scans } = await scanner('NONE', 'utf8', 100);
    t.deliver(new TextEncoder().encode('6901234567892'));
    await waitUntil(() => scans.length === 1);
    expect(scans[0]!.text).toBe('6901234567892');
  });

  it('decodes GBK when the scanner is set to a Chinese code page', async () => {
    const { t, scans } = await scanner('CR', 'gbk');
    t.deliver(Uint8Array.from([...iconv.encode('药品二维码', 'gbk'), 0x0d]));
    await waitUntil(() => scans.length === 1);
    expect(scans[0]!.text).toBe('药品二维码');
  });

  it('refuses malformed suffix settings', () => {
    expect(() => suffixBytes('HEX:0' as ScannerSuffix)).toThrow(RangeError);
    expect([...suffixBytes('CRLF')]).toEqual([13, 10]);
  });
});
