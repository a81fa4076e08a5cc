// The usual counter set-up in one call: a virtual reader with a contact slot, a contactless field
// and one PSAM socket holding the training PSAM. Training mode and tests start from this.
import type { SlotId } from '@native/readers/slots';
import { VirtualCardReader } from './virtual-card-reader';
import type { VirtualIcc } from './virtual-icc';
import { VirtualPsam, type VirtualPsamOptions } from './virtual-psam';

export interface VirtualCounterOptions {
  name?: string;
  /** The card to insert at once (contact slot). */
  card?: VirtualIcc;
  /** The PSAM: options for the training PSAM, a custom ICC, or null for an empty socket. */
  psam?: VirtualPsamOptions | VirtualIcc | null;
  slots?: readonly SlotId[];
}

export function virtualCounterReader(options: VirtualCounterOptions = {}): VirtualCardReader {
  const reader = new VirtualCardReader({ name: options.name ?? '虚拟社保卡读卡器', slots: options.slots ?? ['contact', 'contactless', 'psam1'] });
  const psam = options.psam === undefined ? new VirtualPsam() : options.psam === null ? null : isIcc(options.psam) ? options.psam : new VirtualPsam(options.psam);
  if (psam) reader.insert('psam1', psam);
  if (options.card) reader.insert('contact', options.card);
  return reader;
}

function isIcc(x: VirtualPsamOptions | VirtualIcc): x is VirtualIcc {
  return typeof (x as VirtualIcc).process === 'function';
}
