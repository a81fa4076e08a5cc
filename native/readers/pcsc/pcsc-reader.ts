// An ApduReader over PC/SC (CCID readers, Windows WinSCard, pcsc-lite on Linux) via `smartcard`.
//
// Slots map to PC/SC readers: the chosen reader is the contact (or contactless) slot and a
// composite device's sibling readers become psam1 / contactless (pcsc-composite.ts). Power on is
// SCardConnect (shared), power off SCardDisconnect with UNPOWER. PC/SC has no standard buzzer
// command, so beep() reports false.
import { logger } from '@src/platform/logger';
import type { ApduReader } from '../apdu-reader';
import { cardNotPowered, cardRemoved, noCard, readerDisconnected, readerNotFound, readerNotOpen, slotUnsupported } from '../reader-errors';
import { SLOT_IDS, type SlotId } from '../slots';
import { type PcscBinding, type PcscCardHandle, type PcscContextHandle, type PcscReaderHandle, loadPcscBinding } from './pcsc-binding';
import { type CompositeChoice, resolveCompositeSlots } from './pcsc-composite';
import { pcscError } from './pcsc-errors';

const log = logger('pcsc');

/** Enough for a short APDU response (256 + SW) with room for readers that append more. */
const MAX_RESPONSE = 4096;
const PRESENCE_CHECKS = 4;
const PRESENCE_INTERVAL_MS = 150;

export interface PcscReaderOptions extends CompositeChoice {
  /** Injected binding (tests); default: the `smartcard` package. */
  binding?: PcscBinding;
}

export interface PcscReaderInfo {
  name: string;
  cardPresent: boolean;
  /** ATR hex when a card is present. */
  atr: string | null;
}

/** The PC/SC readers on this machine (for `devices list` and settings). */
export async function listPcscReaders(binding?: PcscBinding): Promise<PcscReaderInfo[]> {
  const b = binding ?? (await loadPcscBinding());
  let ctx: PcscContextHandle;
  try {
    ctx = new b.Context();
  } catch (e) {
    throw pcscError(e, 'PC/SC', 'contact');
  }
  try {
    return ctx.listReaders().map((r) => ({
      name: r.name,
      cardPresent: (r.state & b.SCARD_STATE_PRESENT) !== 0,
      atr: r.atr && r.atr.length > 0 ? r.atr.toString('hex').toUpperCase() : null,
    }));
  } catch (e) {
    throw pcscError(e, 'PC/SC', 'contact');
  } finally {
    ctx.close();
  }
}

export class PcscApduReader implements ApduReader {
  readonly kind = 'pcsc' as const;
  readonly deviceSerial: string | null = null;
  selectedSlot: SlotId = 'contact';
  private binding: PcscBinding | null = null;
  private ctx: PcscContextHandle | null = null;
  private slotReaders: Partial<Record<SlotId, string>> = {};
  private readonly cards = new Map<SlotId, PcscCardHandle>();

  constructor(private readonly options: PcscReaderOptions) {}

  get name(): string {
    return this.slotReaders.contact ?? this.slotReaders.contactless ?? this.options.reader;
  }

  async open(): Promise<void> {
    const b = (this.binding = this.options.binding ?? (await loadPcscBinding()));
    if (!this.ctx?.isValid) {
      try {
        this.ctx = new b.Context();
      } catch (e) {
        throw pcscError(e, this.options.reader, 'contact');
      }
    }
    const readers = this.list();
    const present = (name: string): boolean => ((readers.find((r) => r.name === name)?.state ?? 0) & b.SCARD_STATE_PRESENT) !== 0;
    const slots = resolveCompositeSlots(
      readers.map((r) => r.name),
      this.options,
      present,
    );
    if (!slots) throw readerNotFound(this.options.reader, `PC/SC readers: ${readers.map((r) => r.name).join(' | ') || 'none'}`);
    this.slotReaders = slots;
    this.selectedSlot = slots.contact ? 'contact' : 'contactless';
    log.info({ slots }, 'PC/SC reader open');
  }

  slots(): readonly SlotId[] {
    return SLOT_IDS.filter((s) => this.slotReaders[s] !== undefined);
  }

  async selectSlot(slot: SlotId): Promise<void> {
    if (!this.slotReaders[slot]) throw slotUnsupported(this.name, slot);
    this.selectedSlot = slot;
  }

  async cardPresent(): Promise<boolean> {
    const b = this.requireOpen();
    const name = this.readerFor(this.selectedSlot);
    const handle = this.list().find((r) => r.name === name);
    if (!handle) throw readerDisconnected(name, 'reader vanished from the PC/SC list');
    return (handle.state & b.SCARD_STATE_PRESENT) !== 0;
  }

  async powerOn(): Promise<Uint8Array> {
    const b = this.requireOpen();
    const slot = this.selectedSlot;
    const name = this.readerFor(slot);
    this.disconnect(slot, b.SCARD_LEAVE_CARD);
    const handle = this.list().find((r) => r.name === name);
    if (!handle) throw readerDisconnected(name, 'reader vanished from the PC/SC list');
    if ((handle.state & b.SCARD_STATE_PRESENT) === 0) throw noCard(slot);
    try {
      const card = await handle.connect(b.SCARD_SHARE_SHARED, b.SCARD_PROTOCOL_T0 | b.SCARD_PROTOCOL_T1);
      this.cards.set(slot, card);
      const atr = card.atr ?? card.getStatus().atr;
      return new Uint8Array(atr);
    } catch (e) {
      throw pcscError(e, name, slot);
    }
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.requireOpen();
    const slot = this.selectedSlot;
    const card = this.cards.get(slot);
    if (!card) throw cardNotPowered(slot);
    try {
      const response = await card.transmit(Buffer.from(apdu), { maxRecvLength: MAX_RESPONSE });
      // Some drivers (vpcd among them) report success with no bytes when the card vanished mid-exchange.
      if (response.length < 2) throw new Error(`Communication error: ${response.length}-byte response`);
      return new Uint8Array(response);
    } catch (e) {
      let err = pcscError(e, this.readerFor(slot), slot);
      // Drivers word a pulled card differently (SCARD_W_REMOVED_CARD, or just "transaction
      // failed"/"communication error"): when the reader no longer sees a card, say so plainly.
      if (err.code !== 'READER_CARD_REMOVED' && !(await this.cardStillPresent(slot))) err = cardRemoved(slot, err.detail);
      if (err.code === 'READER_CARD_REMOVED' || err.code === 'READER_DISCONNECTED') this.disconnect(slot, this.binding!.SCARD_LEAVE_CARD);
      throw err;
    }
  }

  async powerOff(): Promise<void> {
    const b = this.requireOpen();
    this.disconnect(this.selectedSlot, b.SCARD_UNPOWER_CARD);
  }

  async beep(): Promise<boolean> {
    return false;
  }

  async close(): Promise<void> {
    const b = this.binding;
    if (b) for (const slot of [...this.cards.keys()]) this.disconnect(slot, b.SCARD_LEAVE_CARD);
    this.ctx?.close();
    this.ctx = null;
  }

  private list(): PcscReaderHandle[] {
    if (!this.ctx) throw readerNotOpen(this.options.reader);
    try {
      return this.ctx.listReaders();
    } catch (e) {
      throw pcscError(e, this.options.reader, this.selectedSlot);
    }
  }

  /**
   * Whether PC/SC still sees a card in the slot's reader after a failed exchange. The resource
   * manager notices a removal on its next poll (pcsc-lite: every 400 ms), so look a few times.
   */
  private async cardStillPresent(slot: SlotId): Promise<boolean> {
    for (let i = 0; i < PRESENCE_CHECKS; i++) {
      try {
        const handle = this.list().find((r) => r.name === this.slotReaders[slot]);
        if (!handle || (handle.state & this.binding!.SCARD_STATE_PRESENT) === 0) return false;
      } catch {
        return false;
      }
      await new Promise((r) => setTimeout(r, PRESENCE_INTERVAL_MS));
    }
    return true;
  }

  private readerFor(slot: SlotId): string {
    const name = this.slotReaders[slot];
    if (!name) throw slotUnsupported(this.name, slot);
    return name;
  }

  private requireOpen(): PcscBinding {
    if (!this.binding || !this.ctx) throw readerNotOpen(this.options.reader);
    return this.binding;
  }

  private disconnect(slot: SlotId, disposition: number): void {
    const card = this.cards.get(slot);
    if (!card) return;
    this.cards.delete(slot);
    try {
      card.disconnect(disposition);
    } catch (e) {
      // Already gone (card pulled, reader unplugged): nothing left to release.
      log.debug({ err: e, slot }, 'PC/SC disconnect failed');
    }
  }
}
