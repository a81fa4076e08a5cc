// HID carriage shared by dialects that prefix each report with a length byte (devices.md §3: one
// disclosed vendor framing uses "byte 0 = payload length, long messages split across reports").
//
// Report layout (report id excluded): byte 0 = n | 0x80 when more reports follow (n ≤ 63 for 64-
// byte reports); bytes 1..n = the next n bytes of the frame; the rest is zero padding.
import type { HidCarriage } from './reader-dialect';

const MORE = 0x80;

export const lengthByteHidCarriage: HidCarriage = {
  toReports(frame, reportSize) {
    const room = Math.min(reportSize - 1, 0x7f);
    const reports: Uint8Array[] = [];
    for (let at = 0; at < frame.length || reports.length === 0; at += room) {
      const part = frame.subarray(at, at + room);
      const report = new Uint8Array(reportSize);
      const more = at + room < frame.length;
      report[0] = part.length | (more ? MORE : 0);
      report.set(part, 1);
      reports.push(report);
    }
    return reports;
  },
  createAssembler() {
    let parts: Uint8Array[] = [];
    return {
      push(report) {
        if (report.length === 0) return null;
        const head = report[0] as number;
        const n = head & 0x7f;
        parts.push(report.slice(1, 1 + Math.min(n, report.length - 1)));
        if (head & MORE) return null;
        const total = parts.reduce((s, p) => s + p.length, 0);
        const out = new Uint8Array(total);
        let at = 0;
        for (const p of parts) {
          out.set(p, at);
          at += p.length;
        }
        parts = [];
        return out;
      },
      reset() {
        parts = [];
      },
    };
  },
};
