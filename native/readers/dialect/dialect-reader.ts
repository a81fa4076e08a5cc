// An ApduReader for serial and HID readers: one request at a time over a frame link, each with a
// timeout, replies mapped from the dialect's statuses to the reader errors every driver shares.
//
// Why strict one-at-a-time: these readers are half-duplex and echo no sequence numbers, so a late
// reply to a timed-out request must never be taken for the answer to the next one. After a timeout
// the link is resynchronised and stray frames that arrive with nothing pending are dropped.
import { isAppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { ApduReader } from '../apdu-reader';
import { cardMute, cardNotPowered, cardRemoved, noCard, readerDisconnected, readerNotOpen, readerProtocolError, readerTimeout, slotUnsupported } from '../reader-errors';
import type { SlotId } from '../slots';
import type { FrameLink } from './frame-link';
import { type DecodedFrame, type DialectReply, type DialectRequest, DialectFrameError, type ReaderDialect } from './reader-dialect';

const log = logger('dialect-reader');

export interface DialectReaderOptions {
  /** Per-request timeout (default 3000 ms; power on gets twice as long: cards take time to answer reset). */
  timeoutMs?: number;
  /** Overrides the dialect's slot list (a model without contactless field, …). */
  slots?: readonly SlotId[];
}

interface Pending {
  request: DialectRequest;
  resolve(reply: DialectReply): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

export class DialectReader implements ApduReader {
  readonly kind: 'serial' | 'hid';
  deviceSerial: string | null = null;
  selectedSlot: SlotId = 'contact';
  private readonly timeoutMs: number;
  private readonly slotList: readonly SlotId[];
  private readonly powered = new Set<SlotId>();
  private pending: Pending | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void)[] = [];
  private lost: Error | null = null;

  constructor(
    private readonly link: FrameLink,
    readonly dialect: ReaderDialect,
    options: DialectReaderOptions = {},
  ) {
    this.kind = link.kind;
    this.timeoutMs = options.timeoutMs ?? 3000;
    this.slotList = options.slots ?? dialect.slots;
  }

  get name(): string {
    return this.link.name;
  }

  async open(): Promise<void> {
    // (Re)subscribe on every open: the line may have been opened by the device manager already
    // (connectTransport opens before attaching), and onClose fires once per open.
    this.lost = null;
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [this.link.onFrame((f) => this.onFrame(f)), this.link.onClose((e) => this.onLinkClosed(e))];
    if (!this.link.isOpen) await this.link.open();
    // GET INFO proves the reader speaks this dialect before any card is touched.
    const info = await this.request({ command: 'info' });
    const text = new TextDecoder('latin1').decode(info.data);
    this.deviceSerial = /SN=([\x21-\x7e]+)/.exec(text)?.[1] ?? null;
    log.info({ reader: this.name, dialect: this.dialect.id, info: text.slice(0, 60) }, 'dialect reader open');
  }

  slots(): readonly SlotId[] {
    return this.slotList;
  }

  async selectSlot(slot: SlotId): Promise<void> {
    if (!this.slotList.includes(slot)) throw slotUnsupported(this.name, slot);
    await this.request({ command: 'selectSlot', slot });
    this.selectedSlot = slot;
  }

  async cardPresent(): Promise<boolean> {
    const reply = await this.request({ command: 'cardStatus' });
    const present = (reply.data[0] ?? 0) !== 0;
    if (!present) this.powered.delete(this.selectedSlot);
    return present;
  }

  async powerOn(): Promise<Uint8Array> {
    const reply = await this.request({ command: 'powerOn' }, this.timeoutMs * 2);
    this.powered.add(this.selectedSlot);
    return reply.data;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    const reply = await this.request({ command: 'transmit', apdu });
    return reply.data;
  }

  async powerOff(): Promise<void> {
    this.powered.delete(this.selectedSlot);
    await this.request({ command: 'powerOff' });
  }

  async beep(durationMs = 100): Promise<boolean> {
    try {
      await this.request({ command: 'beep', durationMs });
      return true;
    } catch (e) {
      if (isAppError(e) && e.code === 'READER_PROTOCOL') return false;
      throw e;
    }
  }

  async close(): Promise<void> {
    this.failPending(readerDisconnected(this.name, 'closed'));
    this.unsubscribe.forEach((u) => u());
    this.unsubscribe = [];
    this.powered.clear();
    await this.link.close();
  }

  /** Queues a request; one is in flight at a time. A damaged-frame reply is retried once. */
  private request(request: DialectRequest, timeoutMs = this.timeoutMs): Promise<DialectReply> {
    const run = async (): Promise<DialectReply> => {
      let reply = await this.exchange(request, timeoutMs);
      if (reply.status === 'frameRejected') reply = await this.exchange(request, timeoutMs);
      return this.check(request, reply);
    };
    const next = this.queue.then(run, run);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async exchange(request: DialectRequest, timeoutMs: number): Promise<DialectReply> {
    if (this.lost) throw readerDisconnected(this.name, this.lost.message);
    if (!this.link.isOpen) throw readerNotOpen(this.name);
    this.link.resync();
    const reply = new Promise<DialectReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending = null;
        this.link.resync();
        reject(readerTimeout(this.name, `${request.command} timed out after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending = { request, resolve, reject, timer };
    });
    // close() or a lost link can reject `reply` while the send below is still draining, before the
    // `return` hands it to the caller: observe it now so it is never reported as unhandled.
    reply.catch(() => undefined);
    try {
      await this.link.send(this.dialect.encodeRequest(request));
    } catch (e) {
      this.failPending(isAppError(e) ? readerDisconnected(this.name, e.detail ?? e.message) : readerDisconnected(this.name, String(e)));
    }
    return reply;
  }

  private onFrame(decoded: DecodedFrame): void {
    const pending = this.pending;
    if (!pending) {
      log.debug({ reader: this.name }, 'frame with no request pending dropped');
      return;
    }
    if (!decoded.ok) {
      // A damaged reply: fail now rather than wait for the timeout.
      this.settle(pending, () => pending.reject(readerProtocolError(this.name, `damaged reply: ${decoded.reason}`)));
      return;
    }
    try {
      const reply = this.dialect.decodeReply(decoded.frame, pending.request);
      this.settle(pending, () => pending.resolve(reply));
    } catch (e) {
      const why = e instanceof DialectFrameError ? e.message : String(e);
      this.settle(pending, () => pending.reject(readerProtocolError(this.name, why)));
    }
  }

  private settle(pending: Pending, fn: () => void): void {
    clearTimeout(pending.timer);
    this.pending = null;
    fn();
  }

  private onLinkClosed(error?: Error): void {
    this.lost = error ?? new Error('link closed');
    this.powered.clear();
    this.failPending(readerDisconnected(this.name, error?.message ?? 'link closed'));
  }

  private failPending(error: Error): void {
    const pending = this.pending;
    if (pending) this.settle(pending, () => pending.reject(error));
  }

  private check(request: DialectRequest, reply: DialectReply): DialectReply {
    const slot = request.command === 'selectSlot' ? request.slot : this.selectedSlot;
    switch (reply.status) {
      case 'ok':
        return reply;
      case 'noCard':
        // "No card" while the slot was powered means it was pulled mid-read.
        if (request.command === 'transmit' && this.powered.has(slot)) {
          this.powered.delete(slot);
          throw cardRemoved(slot);
        }
        throw noCard(slot);
      case 'cardMute':
        throw cardMute(slot);
      case 'notPowered':
        throw cardNotPowered(slot);
      case 'noSuchSlot':
        throw slotUnsupported(this.name, slot);
      default:
        throw readerProtocolError(this.name, `${request.command} answered ${reply.status} (status ${reply.rawStatus.toString(16)})`);
    }
  }
}
