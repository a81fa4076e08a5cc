// Anything that yields a social security card read: a reader we drive APDU by APDU, or the
// national library that drives its own reader. The device layer and the CLI only see this.
import { type ApduReader, exclusive } from '@native/readers/apdu-reader';
import type { SscardDriverKind, SscardRead } from './sscard-data';
import { type ReadSscardOptions, readSscard } from './ssse-reader';

export interface SscardSource {
  readonly kind: SscardDriverKind;
  /** Reader name or library path (for logs and the status bar; never patient data). */
  readonly name: string;
  open(): Promise<void>;
  /**
   * Whether a card is in place, when the source can tell without reading it (APDU readers can,
   * the national library cannot: undefined there, and the monitor probes with read()).
   */
  cardPresent?(): Promise<boolean>;
  read(): Promise<SscardRead>;
  close(): Promise<void>;
}

/** The SSSE application over an APDU reader (PC/SC, serial, HID, virtual). */
export class ApduSscardSource implements SscardSource {
  constructor(
    readonly reader: ApduReader,
    private readonly options: ReadSscardOptions = {},
  ) {}

  get kind(): SscardDriverKind {
    return this.reader.kind;
  }

  get name(): string {
    return this.reader.name;
  }

  open(): Promise<void> {
    return this.reader.open();
  }

  cardPresent(): Promise<boolean> {
    return exclusive(this.reader, async () => {
      const slot = this.options.cardSlot ?? 'contact';
      if (this.reader.selectedSlot !== slot) await this.reader.selectSlot(slot);
      return this.reader.cardPresent();
    });
  }

  read(): Promise<SscardRead> {
    return readSscard(this.reader, this.options);
  }

  close(): Promise<void> {
    return this.reader.close();
  }
}
