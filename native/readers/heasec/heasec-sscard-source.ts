// The social security card through the national library: ReadCardBas, parsed into the same
// SscardRead the APDU path returns (fields the library does not provide are null).
import { logger } from '@src/platform/logger';
import type { SscardRead } from '@native/sscard/sscard-data';
import type { SscardSource } from '@native/sscard/sscard-source';
import { parseCardBasOutput } from './heasec-output';
import { HeaSecLibrary, type HeaSecOptions } from './heasec-library';

const log = logger('heasec');

export class HeaSecSscardSource implements SscardSource {
  readonly kind = 'heasec' as const;
  private library: HeaSecLibrary | null = null;

  constructor(private readonly options: HeaSecOptions = {}) {}

  get name(): string {
    return this.library?.path ?? this.options.path ?? 'HeaSecReadInfo';
  }

  /** Loads and initialises the library; SSCARD_LIBRARY_MISSING when it is not installed. */
  async open(): Promise<void> {
    if (this.library) return;
    const loaded = HeaSecLibrary.tryLoad(this.options);
    if ('missing' in loaded) throw loaded.missing;
    try {
      await loaded.library.init();
    } catch (e) {
      await loaded.library.close();
      throw e;
    }
    this.library = loaded.library;
  }

  async read(): Promise<SscardRead> {
    await this.open();
    const out = parseCardBasOutput(await this.library!.readCardBas());
    log.info({ library: this.name, specVersion: out.card.specVersion }, 'social security card read through HeaSecReadInfo');
    return {
      card: out.card,
      regionCode: out.regionCode,
      atr: out.atr,
      terminalNumber: out.terminalNumber,
      terminalDevice: out.terminalDevice,
      authentication: 'library',
      driver: 'heasec',
      reader: this.name,
    };
  }

  /** The library's ID-card function, for the device layer's ID-card path. */
  readIdCardText(photoPath?: string): Promise<string> {
    if (!this.library) return this.open().then(() => this.library!.readSfz(photoPath));
    return this.library.readSfz(photoPath);
  }

  async close(): Promise<void> {
    const lib = this.library;
    this.library = null;
    await lib?.close();
  }
}
