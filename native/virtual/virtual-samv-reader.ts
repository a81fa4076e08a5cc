// A virtual GA 467 SAM_V ID-card reader: the device end of a serial line (a socat pty in training
// mode and tests, an in-process fake pair otherwise). It answers the same frames a real reader
// does, holds at most one card, and follows the real card life cycle: find (9F) → select (90) →
// read (90 + text + photo); after a read, find answers 80 until the card is removed and placed
// again. Card data comes in as parameters (native never imports the training fixtures).
//
// It can pace its output at a baud rate (a pty moves bytes as fast as memory allows, so without
// pacing a benchmark would measure nothing real), and it can misbehave on request (bad checksum,
// garbage, split or truncated answers, silence, a card pulled mid-read) for the tests.
import { logger } from '@src/platform/logger';
import type { ByteTransport } from '@native/transport/transport';
import type { IdCardText } from '@native/idcard/id-card';
import { encodeIdCardText } from '@native/idcard/id-card-text';
import { samIdBytes } from '@native/idcard/sam-id';
import { SamvFrameAssembler } from '@native/idcard/samv-assembler';
import { encodeResponse } from '@native/idcard/samv-frame';
import { buildReadData, PHOTO_LENGTH } from '@native/idcard/samv-read-response';
import { SW3 } from '@native/idcard/samv-sw3';

const log = logger('virtual-samv');

export interface VirtualIdCard {
  text: IdCardText;
  /** 1024 opaque bytes; default: deterministic bytes derived from the ID number. */
  photoWlt?: Uint8Array;
  /** 0, 512 or 1024 bytes; absent: the card carries no fingerprint. */
  fingerprint?: Uint8Array;
  appendedAddress?: string;
  /** Card-type marker: ' ' resident ID card (default), 'I' foreign permanent residence, 'J' HK/Macao/Taiwan permit. */
  cardType?: ' ' | 'I' | 'J';
}

export type VirtualReaderFault =
  /** The next answer carries a wrong checksum. */
  | { kind: 'badChecksum' }
  /** The next answer stops after `keepBytes` bytes and the rest never comes. */
  | { kind: 'truncate'; keepBytes: number }
  /** Line noise before the next answer. */
  | { kind: 'garbage'; bytes: Uint8Array }
  /** The next answer arrives in pieces of `chunkBytes` with `gapMs` between them. */
  | { kind: 'split'; chunkBytes: number; gapMs: number }
  /** No answer at all to the next command. */
  | { kind: 'silence' }
  /** The card is pulled while the read answer is on the wire, after `afterBytes` bytes. */
  | { kind: 'removeDuringRead'; afterBytes: number }
  /** The card is pulled between select and read: the read answers 41. */
  | { kind: 'removeBeforeRead' };

export interface VirtualSamvOptions {
  /** Pace output at this rate (8N1, 10 bits per byte). Default: no pacing. */
  paceBaud?: number;
  /** Bytes per paced write. Default 32. */
  paceChunk?: number;
  /** SAM id in vendor text form. */
  samId?: string;
}

type Phase = 'placed' | 'found' | 'selected' | 'read';

/** Deterministic stand-in for a WLT photo: 1024 bytes derived from a seed. */
export function syntheticPhoto(seed: string): Uint8Array {
  const out = new Uint8Array(PHOTO_LENGTH);
  let x = 2166136261;
  for (const c of seed) x = Math.imul(x ^ c.charCodeAt(0), 16777619) >>> 0;
  for (let i = 0; i < out.length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

export interface VirtualReaderStats {
  commands: number;
  bytesIn: number;
  bytesOut: number;
}

export class VirtualSamvReader {
  private readonly assembler = new SamvFrameAssembler('request');
  private card: VirtualIdCard | undefined;
  private phase: Phase = 'placed';
  private faults: VirtualReaderFault[] = [];
  private sending: Promise<void> = Promise.resolve();
  private stops: (() => void)[] = [];
  readonly stats: VirtualReaderStats = { commands: 0, bytesIn: 0, bytesOut: 0 };

  constructor(
    readonly transport: ByteTransport,
    private readonly options: VirtualSamvOptions = {},
  ) {}

  /** Opens the transport (if needed) and starts answering. */
  async start(): Promise<void> {
    if (!this.transport.isOpen) await this.transport.open();
    this.stops = [this.transport.onData((chunk) => this.receive(chunk))];
  }

  async stop(): Promise<void> {
    for (const s of this.stops) s();
    this.stops = [];
    await this.sending.catch(() => undefined);
    await this.transport.close();
  }

  placeCard(card: VirtualIdCard): void {
    // Validates the data up front: a card that cannot be encoded is a caller error.
    encodeIdCardText(card.text, card.cardType ?? ' ');
    this.card = card;
    this.phase = 'placed';
  }

  removeCard(): void {
    this.card = undefined;
  }

  get currentCard(): VirtualIdCard | undefined {
    return this.card;
  }

  /** Queues a misbehaviour for the next answer (or the next read, for the remove* faults). */
  inject(fault: VirtualReaderFault): void {
    this.faults.push(fault);
  }

  // ---- protocol ----

  private receive(chunk: Uint8Array): void {
    this.stats.bytesIn += chunk.length;
    for (const event of this.assembler.push(chunk)) {
      if (event.type === 'frame') {
        // When pacing, a request is only complete once its own bytes have had their wire time.
        const requestBytes = event.body.length + 8;
        if (this.options.paceBaud) this.delay((requestBytes * 10 * 1000) / this.options.paceBaud);
        this.handle(event.body);
      } else if (event.type === 'error') {
        this.answer(0x00, 0x00, event.error.reason === 'checksum' ? SW3.checksum : SW3.length);
      }
    }
  }

  /** Holds the output queue for `ms` (everything sent afterwards waits). */
  private delay(ms: number): void {
    this.sending = this.sending.then(() => new Promise((r) => setTimeout(r, ms)));
  }

  private handle(body: Uint8Array): void {
    this.stats.commands++;
    const cmd = body[0] as number;
    const para = body[1] as number;
    const key = `${cmd.toString(16)}:${para.toString(16)}`;
    switch (key) {
      case '10:ff':
      case '11:ff':
        return this.answer(0, 0, SW3.ok);
      case '12:ff':
        return this.answer(0, 0, SW3.ok, samIdBytes(this.options.samId ?? '05.01-20260101-0000000001-0000000001'));
      case '20:1':
        return this.find();
      case '20:2':
        return this.select();
      case '30:1':
        return this.read(false);
      case '30:10':
        return this.read(true);
      case '30:3':
        return this.appendedAddress();
      default:
        if (cmd === 0x60 || cmd === 0x61) return this.answer(0, 0, SW3.ok);
        return this.answer(0, 0, SW3.command);
    }
  }

  private find(): void {
    if (this.card && this.phase !== 'read') {
      this.phase = 'found';
      return this.answer(0, 0, SW3.findOk, new Uint8Array(4));
    }
    this.answer(0, 0, SW3.findFailed);
  }

  private select(): void {
    if (this.card && (this.phase === 'found' || this.phase === 'selected')) {
      this.phase = 'selected';
      return this.answer(0, 0, SW3.ok, new Uint8Array(8));
    }
    this.answer(0, 0, SW3.selectFailed);
  }

  private read(withFingerprint: boolean): void {
    const removeBefore = this.takeFault('removeBeforeRead');
    if (removeBefore) this.card = undefined;
    const card = this.card;
    if (!card || this.phase !== 'selected') return this.answer(0, 0, SW3.readFailed);
    this.phase = 'read';
    const text = encodeIdCardText(card.text, card.cardType ?? ' ');
    const photo = card.photoWlt ?? syntheticPhoto(card.text.idNumber);
    const data = buildReadData(text, photo, withFingerprint ? (card.fingerprint ?? new Uint8Array(0)) : undefined);
    const removeDuring = this.takeFault('removeDuringRead');
    if (removeDuring) {
      this.card = undefined;
      const frame = encodeResponse(0, 0, SW3.ok, data);
      this.send(frame.slice(0, removeDuring.afterBytes));
      return;
    }
    this.answer(0, 0, SW3.ok, data);
  }

  private appendedAddress(): void {
    const card = this.card;
    if (!card || (this.phase !== 'selected' && this.phase !== 'read')) return this.answer(0, 0, SW3.readFailed);
    if (!card.appendedAddress) return this.answer(0, 0, SW3.noContent);
    const out = new Uint8Array(70);
    for (let i = 0; i < out.length; i += 2) out[i] = 0x20;
    for (let i = 0; i < Math.min(card.appendedAddress.length, 35); i++) {
      const c = card.appendedAddress.charCodeAt(i);
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >> 8;
    }
    this.answer(0, 0, SW3.ok, out);
  }

  private takeFault<K extends VirtualReaderFault['kind']>(kind: K): Extract<VirtualReaderFault, { kind: K }> | undefined {
    const i = this.faults.findIndex((f) => f.kind === kind);
    if (i < 0) return undefined;
    return this.faults.splice(i, 1)[0] as Extract<VirtualReaderFault, { kind: K }>;
  }

  private answer(sw1: number, sw2: number, sw3: number, data?: Uint8Array): void {
    if (this.takeFault('silence')) return;
    let frame = encodeResponse(sw1, sw2, sw3, data);
    if (this.takeFault('badChecksum')) {
      frame = frame.slice();
      frame[frame.length - 1] = (frame[frame.length - 1] as number) ^ 0x5a;
    }
    const truncate = this.takeFault('truncate');
    if (truncate) frame = frame.slice(0, truncate.keepBytes);
    const garbage = this.takeFault('garbage');
    if (garbage) this.send(garbage.bytes);
    const split = this.takeFault('split');
    this.send(frame, split);
  }

  /** Writes in order, paced at the baud rate when configured. */
  private send(bytes: Uint8Array, split?: { chunkBytes: number; gapMs: number }): void {
    this.stats.bytesOut += bytes.length;
    this.sending = this.sending.then(() => this.write(bytes, split)).catch((e: unknown) => log.debug({ err: e }, 'virtual reader write failed (line closed)'));
  }

  private async write(bytes: Uint8Array, split?: { chunkBytes: number; gapMs: number }): Promise<void> {
    if (!this.transport.isOpen) return;
    const baud = this.options.paceBaud;
    if (split) {
      for (let i = 0; i < bytes.length; i += split.chunkBytes) {
        await this.transport.write(bytes.slice(i, i + split.chunkBytes));
        await new Promise((r) => setTimeout(r, split.gapMs));
      }
      return;
    }
    if (!baud) {
      await this.transport.write(bytes);
      return;
    }
    const chunk = this.options.paceChunk ?? 32;
    const started = performance.now();
    for (let i = 0; i < bytes.length; i += chunk) {
      const piece = bytes.slice(i, i + chunk);
      // A piece is handed over when its last byte would have finished on a real line, so the
      // receiver never gets a byte earlier than the wire could have delivered it.
      const due = started + ((i + piece.length) * 10 * 1000) / baud;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      await this.transport.write(piece);
    }
  }
}
