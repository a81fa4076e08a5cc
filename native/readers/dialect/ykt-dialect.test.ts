import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '@native/sscard/bytes';
import { lengthByteHidCarriage } from './length-byte-hid-carriage';
import { YktFrameDecoder, decodeYktRequest, encodeFrame, encodeYktReply, yktDialect } from './ykt-dialect';

describe('reference dialect frames', () => {
  it('frames the documented examples: GET INFO, SELECT SLOT PSAM1, TRANSMIT', () => {
    expect(toHex(yktDialect.encodeRequest({ command: 'info' }))).toBe('020001010003');
    expect(toHex(yktDialect.encodeRequest({ command: 'selectSlot', slot: 'psam1' }))).toBe('02000210110303');
    expect(toHex(yktDialect.encodeRequest({ command: 'transmit', apdu: fromHex('0084000008') }))).toBe('020006130084000008' + '99' + '03');
  });

  it('decodes a reply: status ok with payload, or the status the reader reported', () => {
    const req = { command: 'transmit', apdu: fromHex('0084000008') } as const;
    const ok = yktDialect.decodeReply(encodeYktReply(0x13, 'ok', fromHex('11223344556677889000')), req);
    expect(ok.status).toBe('ok');
    expect(toHex(ok.data)).toBe('11223344556677889000');
    expect(yktDialect.decodeReply(encodeYktReply(0x13, 'noCard'), req).status).toBe('noCard');
  });

  it('refuses a reply that echoes another command, except the reader\'s "damaged frame" answer', () => {
    expect(() => yktDialect.decodeReply(encodeYktReply(0x11, 'ok'), { command: 'info' })).toThrow(/expected 1/);
    expect(yktDialect.decodeReply(encodeYktReply(0x00, 'frameRejected'), { command: 'info' }).status).toBe('frameRejected');
  });

  it('decodes requests as the reader firmware does', () => {
    expect(decodeYktRequest(yktDialect.encodeRequest({ command: 'selectSlot', slot: 'contactless' })).request).toEqual({ command: 'selectSlot', slot: 'contactless' });
    expect(decodeYktRequest(encodeFrame(0x10, Uint8Array.of(0x77))).error).toBe('noSuchSlot');
    expect(decodeYktRequest(encodeFrame(0x55, new Uint8Array(0))).error).toBe('unknownCommand');
  });
});

describe('stream decoder', () => {
  const frame = encodeYktReply(0x13, 'ok', fromHex('0304332E30309000'));

  it('reassembles a frame delivered one byte at a time', () => {
    const d = new YktFrameDecoder();
    const got = [...frame].flatMap((b) => d.push(Uint8Array.of(b)));
    expect(got).toEqual([{ ok: true, frame }]);
  });

  it('skips line noise before a frame and reports a frame with a bad BCC', () => {
    const d = new YktFrameDecoder();
    const bad = Uint8Array.from(frame);
    bad[bad.length - 2] = bad[bad.length - 2]! ^ 0xff;
    const out = d.push(Uint8Array.from([0x55, 0xaa, 0x03, ...bad, 0x00, ...frame]));
    expect(out.filter((f) => f.ok)).toHaveLength(1);
    expect(out.some((f) => !f.ok && f.reason === 'BCC mismatch')).toBe(true);
  });

  it('fuzz: frames survive arbitrary noise and arbitrary chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uint8Array({ maxLength: 40 }), { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ maxLength: 30 }).filter((n) => !n.includes(0x02)),
        fc.integer({ min: 1, max: 17 }),
        (payloads, noise, chunk) => {
          const frames = payloads.map((p) => encodeFrame(0x13, p));
          const stream = Uint8Array.from(frames.flatMap((f) => [...noise, ...f]));
          const d = new YktFrameDecoder();
          const got: Uint8Array[] = [];
          for (let i = 0; i < stream.length; i += chunk) for (const f of d.push(stream.subarray(i, i + chunk))) if (f.ok) got.push(f.frame);
          expect(got.map(toHex)).toEqual(frames.map(toHex));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('fuzz: never throws on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 64 }), { maxLength: 8 }), (chunks) => {
        const d = new YktFrameDecoder();
        for (const c of chunks) d.push(c);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('HID carriage (length byte + continuation flag)', () => {
  it('splits a 300-byte frame into 64-byte reports and joins them again', () => {
    const frame = encodeFrame(0x13, new Uint8Array(300).map((_, i) => i & 0xff));
    const reports = lengthByteHidCarriage.toReports(frame, 64);
    expect(reports).toHaveLength(Math.ceil(frame.length / 63));
    expect(reports.every((r) => r.length === 64)).toBe(true);
    expect(reports[0]![0]).toBe(0x80 | 63);
    expect(reports.at(-1)![0]! & 0x80).toBe(0);
    const a = lengthByteHidCarriage.createAssembler();
    const joined = reports.map((r) => a.push(r)).filter((x) => x !== null);
    expect(joined.map((j) => toHex(j!))).toEqual([toHex(frame)]);
  });

  it('fits a short frame in one report', () => {
    const reports = lengthByteHidCarriage.toReports(fromHex('020001010003'), 64);
    expect(reports).toHaveLength(1);
    expect(reports[0]![0]).toBe(6);
  });
});
