// A virtual card described in plain data, so it can be built in another thread or process (the
// vpcd card thread) from a structured-clone message.
import { type VirtualPsamOptions, VirtualPsam } from './virtual-psam';
import type { VirtualIcc } from './virtual-icc';
import type { VirtualSscardProfile } from './sscard-profile';
import { VirtualSscard, type VirtualSscardOptions } from './virtual-sscard';

export type VirtualCardSpec =
  | { kind: 'sscard'; profile: VirtualSscardProfile; options?: Omit<VirtualSscardOptions, 'masterKeys'> }
  | { kind: 'psam'; options?: Omit<VirtualPsamOptions, 'keys'> };

export function buildVirtualCard(spec: VirtualCardSpec): VirtualIcc {
  return spec.kind === 'sscard' ? new VirtualSscard(spec.profile, spec.options) : new VirtualPsam(spec.options);
}
