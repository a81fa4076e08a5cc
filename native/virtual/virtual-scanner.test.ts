import { describe, expect, it } from 'vitest';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { waitUntil } from '@native/transport/wait-until';
import { SerialLineScanner } from '@native/qr/serial-line-scanner';
import { WedgeDetector } from '@native/qr/wedge-detector';
import type { ScanEvent } from '@native/qr/scanner';
import { VirtualSerialScanner, wedgeScanEvents } from './virtual-scanner';

describe('virtual scanners', () => {
  it('a virtual serial scanner is read by the serial line scanner', async () => {
    const { host, device } = byteTransportPair({ maxChunk: 5 });
    const v = new VirtualSerialScanner(device, { suffix: 'CRLF' });
    await v.start();
    await host.open();
    const scanner = new SerialLineScanner(host, { suffix: 'CRLF' }).attach();
    const scans: ScanEvent[] = [];
    scanner.onScan((s) => scans.push(s));
    await v.scan('EC0151010020261123WF00000000003');
    await waitUntil(() => scans.length === 1);
    expect(scans[0]!.text).toBe('EC0151010020261123WF00000000003');
  });

  it('virtual wedge events are recognised as a scan', () => {
    const r = new WedgeDetector().feed(wedgeScanEvents('EC0111000020261123SL00000000007', { start: 100 }));
    expect(r).toEqual([expect.objectContaining({ kind: 'scan', text: 'EC0111000020261123SL00000000007' })]);
  });
});
