import { describe, expect, it } from 'vitest';
import { reportTransportPair } from '@native/transport/fake-report-transport';
import { waitUntil } from '@native/transport/wait-until';
import { decodeHoneywellReport, encodeHoneywellReports, HidPosScanner } from './hid-pos-scanner';
import type { ScanEvent } from './scanner';

/** A report as captured from a Voyager (REVINF answer, first packet): id 2, len 56, AIM ]X0, … [61]=0x3F, [63]=1. */
const captured = Uint8Array.from([
  2, 56, 93, 88, 48, 80, 114, 111, 100, 117, 99, 116, 32, 78, 97, 109, 101, 58, 32, 86, 111, 121, 97, 103, 101, 114, 32, 49, 54, 48, 50, 103, 13, 10, 66, 111, 111, 116, 32, 82, 101, 118, 105, 115,
  105, 111, 110, 58, 32, 58, 32, 56, 57, 57, 50, 13, 10, 83, 111, 102, 116, 63, 0, 1,
]);

describe('HID-POS scanner (Honeywell report layout)', () => {
  it('decodes a captured report: length, AIM id, data, code id, continuation', () => {
    const chunk = decodeHoneywellReport(captured)!;
    expect(chunk.aim).toBe(']X0');
    expect(chunk.data.length).toBe(56);
    expect(new TextDecoder().decode(chunk.data).startsWith('Product Name: Voyager 1602g')).toBe(true);
    expect(chunk.codeId).toBe(0x3f);
    expect(chunk.more).toBe(true);
  });

  it('ignores reports that are not scanned data', () => {
    expect(decodeHoneywellReport(Uint8Array.of(1, 2, 3))).toBeUndefined();
    expect(decodeHoneywellReport(new Uint8Array(64).fill(0))).toBeUndefined();
  });

  it('joins a long QR code sent in several reports through the fake transport', async () => {
    const { host, device } = reportTransportPair(64);
    await host.open();
    await device.open();
    const scanner = new HidPosScanner(host).attach();
    const scans: ScanEvent[] = [];
    scanner.onScan((s) => scans.push(s));
    const payload = 'EC01' + 'X'.repeat(150);
    const reports = encodeHoneywellReports(new TextEncoder().encode(payload));
    expect(reports).toHaveLength(3);
    expect(reports.map((r) => r[63])).toEqual([1, 1, 0]);
    for (const r of reports) await device.writeReport(r);
    await device.writeReport(encodeHoneywellReports(new TextEncoder().encode('6901234567892'), ']E0', 0x64)[0]!);
    await waitUntil(() => scans.length === 2);
    expect(scans[0]).toEqual({ text: payload, aim: ']Q1', codeId: 0x73 });
    expect(scans[1]).toEqual({ text: '6901234567892', aim: ']E0', codeId: 0x64 });
  });
});
