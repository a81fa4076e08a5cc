// One interface for every reader that exchanges APDUs with a card: PC/SC readers, serial and HID
// readers speaking a vendor dialect, and the virtual reader. The card application (native/sscard)
// only ever sees this.
//
// The reader is stateful like the vendor APIs it abstracts (dc_setcpu, ICC_Reader_*): select a
// slot, then power on / transmit / power off act on it. Callers serialise their use with
// `exclusive` so a read of the card and a read of the PSAM never interleave.
import type { SlotId } from './slots';

export type ReaderKind = 'pcsc' | 'serial' | 'hid' | 'virtual';

export interface ApduReader {
  /** Human-readable name: the PC/SC reader name, the port path, "virtual". Never patient data. */
  readonly name: string;
  readonly kind: ReaderKind;
  /** 终端设备号 when the reader reports a serial number. */
  readonly deviceSerial: string | null;
  /** The slot power/transmit act on. */
  readonly selectedSlot: SlotId;
  open(): Promise<void>;
  /** The slots this reader has (whether or not a card is in them). */
  slots(): readonly SlotId[];
  /** Throws READER_SLOT_UNSUPPORTED for a slot the reader does not have. */
  selectSlot(slot: SlotId): Promise<void>;
  /** Whether a card sits in the selected slot, without powering it (the monitor polls this). */
  cardPresent(): Promise<boolean>;
  /** Powers the card in the selected slot and returns its ATR. READER_NO_CARD when empty. */
  powerOn(): Promise<Uint8Array>;
  /** Sends one command APDU and returns the raw response (data + SW1 SW2). */
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
  powerOff(): Promise<void>;
  /** Sounds the buzzer; false when the reader has none (PC/SC). */
  beep(durationMs?: number): Promise<boolean>;
  close(): Promise<void>;
}

/** A transmit function bound to one slot. */
export interface CardChannel {
  readonly slot: SlotId;
  transmit(apdu: Uint8Array): Promise<Uint8Array>;
}

/** A channel that selects its slot before each exchange when another slot was selected meanwhile. */
export function slotChannel(reader: ApduReader, slot: SlotId): CardChannel {
  return {
    slot,
    async transmit(apdu) {
      if (reader.selectedSlot !== slot) await reader.selectSlot(slot);
      return reader.transmit(apdu);
    },
  };
}

const locks = new WeakMap<ApduReader, Promise<unknown>>();

/** Runs `fn` with the reader to itself: concurrent callers queue (a second click waits, never interleaves). */
export function exclusive<T>(reader: ApduReader, fn: () => Promise<T>): Promise<T> {
  const previous = locks.get(reader) ?? Promise.resolve();
  const run = previous.then(fn, fn);
  locks.set(
    reader,
    run.catch(() => undefined),
  );
  return run;
}
