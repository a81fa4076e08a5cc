// Fuzzing the SAM_V decoders with random and mutated frames: they must never throw anything but
// their typed errors, never hang, and never yield a frame whose checksum is wrong.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '@src/common/errors';
import { decodeIdCardText, encodeIdCardText } from './id-card-text';
import { SamvFrameAssembler } from './samv-assembler';
import { SamvProtocolError } from './samv-errors';
import { decodeFrame, encodeResponse, HEADER_LENGTH, PREAMBLE, xorChecksum } from './samv-frame';
import { buildReadData, parseReadData } from './samv-read-response';

const text = encodeIdCardText({ name: '孙磊', gender: '1', nation: '01', birthDate: '1993-07-26', address: '北京市朝阳区建国路88号', idNumber: '110105199307260071', authority: '北京市公安局朝阳分局', validFrom: '2013-09-01', validTo: '2033-09-01' });
const readAnswer = encodeResponse(0, 0, 0x90, buildReadData(text, new Uint8Array(1024)));

/** A valid frame, then some bytes flipped, cut or inserted. */
const mutatedFrame = fc
  .tuple(
    fc.oneof(fc.constant(readAnswer), fc.uint8Array({ maxLength: 300 }).map((d) => encodeResponse(0, 0, 0x90, d))),
    fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('flip', 'cut', 'insert')), { maxLength: 4 }),
  )
  .map(([frame, edits]) => {
    let out = Array.from(frame);
    for (const [pos, value, op] of edits) {
      const i = pos % (out.length + 1);
      if (op === 'flip' && i < out.length) out[i] = value;
      else if (op === 'cut') out = out.slice(0, i);
      else out.splice(i, 0, value);
    }
    return Uint8Array.from(out);
  });

const anyBytes = fc.oneof(fc.uint8Array({ maxLength: 3000 }), mutatedFrame, fc.uint8Array({ maxLength: 50 }).map((b) => Uint8Array.from([...PREAMBLE, ...b])));

function onlyTyped(fn: () => void, ...types: (new (...args: never[]) => Error)[]): void {
  try {
    fn();
  } catch (e) {
    if (!types.some((t) => e instanceof t)) throw e;
  }
}

describe('SAM_V decoder fuzzing', () => {
  it('decodeFrame throws only SamvProtocolError', () => {
    fc.assert(fc.property(anyBytes, (bytes) => onlyTyped(() => decodeFrame(bytes), SamvProtocolError)), { numRuns: 3000 });
  });

  it('the assembler never throws, stays bounded, and every frame it yields has a correct checksum', () => {
    fc.assert(
      fc.property(fc.array(anyBytes, { maxLength: 8 }), fc.integer({ min: 1, max: 400 }), (parts, chunk) => {
        const a = new SamvFrameAssembler();
        const started = performance.now();
        for (const part of parts) {
          for (let i = 0; i < part.length; i += chunk) {
            for (const e of a.push(part.slice(i, i + chunk))) {
              if (e.type === 'frame') {
                const frame = encodeResponse(e.body[0]!, e.body[1]!, e.body[2]!, e.body.slice(3));
                expect(xorChecksum(frame, 5, frame.length - 1)).toBe(frame[frame.length - 1]);
              }
              if (e.type === 'error') expect(e.error).toBeInstanceOf(SamvProtocolError);
            }
          }
          expect(a.pending).toBeLessThanOrEqual(HEADER_LENGTH + 4096);
        }
        expect(performance.now() - started).toBeLessThan(2000);
      }),
      { numRuns: 500 },
    );
  });

  it('parsing a read answer and its text block throws only the typed errors', () => {
    fc.assert(
      fc.property(mutatedFrame, (bytes) =>
        onlyTyped(() => {
          const body = decodeFrame(bytes);
          const raw = parseReadData(body.slice(3), false);
          decodeIdCardText(raw.text);
        }, AppError),
      ),
      { numRuns: 2000 },
    );
  });

  it('random text blocks decode or are refused with a typed error', () => {
    fc.assert(fc.property(fc.uint8Array({ minLength: 256, maxLength: 256 }), (block) => onlyTyped(() => decodeIdCardText(block), AppError)), { numRuns: 2000 });
  });
});
