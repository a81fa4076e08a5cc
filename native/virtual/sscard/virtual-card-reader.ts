// A virtual multi-slot card reader: a contact slot, a contactless field and PSAM sockets, each
// holding a VirtualIcc or nothing. It is the in-process ApduReader, and the back end every other
// virtual front-end drives (serial dialect, HID dialect, vpcd), so all four behave the same.
//
// Tests and training "insert", "pull" and "unplug" through it; `onExchange` lets a test pull the
// card between two APDUs.
import type { ApduReader } from '@native/readers/apdu-reader';
import { cardMute, cardNotPowered, cardRemoved, noCard, readerDisconnected, readerNotOpen, slotUnsupported } from '@native/readers/reader-errors';
import type { SlotId } from '@native/readers/slots';
import type { VirtualIcc } from './virtual-icc';

export interface VirtualCardReaderOptions {
  name?: string;
  slots?: readonly SlotId[];
  deviceSerial?: string | null;
}

type ExchangeListener = (slot: SlotId, exchange: number) => void;

export class VirtualCardReader implements ApduReader {
  readonly name: string;
  readonly kind = 'virtual' as const;
  readonly deviceSerial: string | null;
  selectedSlot: SlotId = 'contact';
  /** Beeps sounded (tests check that a good read beeps). */
  beeps = 0;
  exchanges = 0;

  private readonly slotList: readonly SlotId[];
  private readonly cards = new Map<SlotId, VirtualIcc>();
  private readonly powered = new Set<SlotId>();
  private readonly mute = new Set<SlotId>();
  private readonly listeners = new Set<ExchangeListener>();
  /** Slots whose card was pulled while powered: the next exchange reports "removed", not "no card". */
  private readonly removedWhilePowered = new Set<SlotId>();
  private opened = false;
  private unplugged = false;

  constructor(options: VirtualCardReaderOptions = {}) {
    this.name = options.name ?? '虚拟读卡器';
    this.slotList = options.slots ?? ['contact', 'contactless', 'psam1'];
    this.deviceSerial = options.deviceSerial ?? 'YKT-VIRTUAL-0001';
  }

  // ---- simulation controls -------------------------------------------------------------------

  insert(slot: SlotId, card: VirtualIcc): void {
    this.requireSlot(slot);
    this.cards.set(slot, card);
    this.powered.delete(slot);
    this.mute.delete(slot);
    this.removedWhilePowered.delete(slot);
  }

  /** The card is pulled out (or lifted off the field). */
  remove(slot: SlotId): VirtualIcc | undefined {
    const card = this.cards.get(slot);
    if (this.powered.has(slot)) this.removedWhilePowered.add(slot);
    this.cards.delete(slot);
    this.powered.delete(slot);
    return card;
  }

  card(slot: SlotId): VirtualIcc | undefined {
    return this.cards.get(slot);
  }

  /** A card that sits in the slot but no longer answers (dirty contacts, broken chip). */
  setMute(slot: SlotId, mute: boolean): void {
    if (mute) this.mute.add(slot);
    else this.mute.delete(slot);
  }

  /** The USB cable is pulled: every later call fails with READER_DISCONNECTED. */
  unplug(): void {
    this.unplugged = true;
  }

  replug(): void {
    this.unplugged = false;
  }

  /** Called after each APDU exchange; returns an unsubscribe function. */
  onExchange(listener: ExchangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- ApduReader ------------------------------------------------------------------------------

  async open(): Promise<void> {
    if (this.unplugged) throw readerDisconnected(this.name);
    this.opened = true;
  }

  slots(): readonly SlotId[] {
    return this.slotList;
  }

  async selectSlot(slot: SlotId): Promise<void> {
    this.check();
    this.requireSlot(slot);
    this.selectedSlot = slot;
  }

  async cardPresent(): Promise<boolean> {
    this.check();
    return this.cards.has(this.selectedSlot);
  }

  async powerOn(): Promise<Uint8Array> {
    this.check();
    const slot = this.selectedSlot;
    const card = this.cards.get(slot);
    if (!card) throw noCard(slot);
    if (this.mute.has(slot)) throw cardMute(slot);
    card.reset();
    this.powered.add(slot);
    this.removedWhilePowered.delete(slot);
    return card.atr;
  }

  async transmit(apdu: Uint8Array): Promise<Uint8Array> {
    this.check();
    const slot = this.selectedSlot;
    const card = this.cards.get(slot);
    if (!card) throw this.removedWhilePowered.has(slot) ? cardRemoved(slot) : noCard(slot);
    if (!this.powered.has(slot)) throw cardNotPowered(slot);
    if (this.mute.has(slot)) throw cardMute(slot);
    const response = card.process(apdu);
    this.exchanges++;
    for (const l of this.listeners) l(slot, this.exchanges);
    return response;
  }

  async powerOff(): Promise<void> {
    this.check();
    this.powered.delete(this.selectedSlot);
  }

  async beep(): Promise<boolean> {
    this.check();
    this.beeps++;
    return true;
  }

  async close(): Promise<void> {
    this.opened = false;
    this.powered.clear();
  }

  /** The reader's view for front-ends: is a card present / powered in `slot`? */
  state(slot: SlotId): 'empty' | 'present' | 'powered' {
    if (!this.cards.has(slot)) return 'empty';
    return this.powered.has(slot) ? 'powered' : 'present';
  }

  private check(): void {
    if (this.unplugged) throw readerDisconnected(this.name);
    if (!this.opened) throw readerNotOpen(this.name);
  }

  private requireSlot(slot: SlotId): void {
    if (!this.slotList.includes(slot)) throw slotUnsupported(this.name, slot);
  }
}
