// Training keys for the virtual social security cards and the virtual PSAM.
//
// These are invented, published in this repository and good for nothing but training mode and
// tests: a real PSAM's keys never leave the PSAM. Card keys are derived from the master keys the
// way docs/sscard.md describes (SM4 of the master key over the 16-byte 卡识别码), so the virtual
// card and the virtual PSAM agree without sharing per-card state.
import { fromHex } from '@native/sscard/bytes';
import { sm4EncryptBlock } from '@native/sscard/crypto/sm4';

/** Algorithm identifier the virtual cards announce in their FCI (9F0C 03 86 01 03, as seen in [C20]). */
export const TRAINING_SM4_ALGORITHM_ID = 0x03;

export interface MasterKeys {
  /** Verifies cards (INTERNAL AUTHENTICATE). */
  internalAuth: Uint8Array;
  /** RKSSSE: opens EF06 of 3.00 cards (EXTERNAL AUTHENTICATE). */
  rkssse: Uint8Array;
}

export const TRAINING_MASTER_KEYS: Readonly<MasterKeys> = Object.freeze({
  internalAuth: fromHex('59 4B 54 2D 54 52 41 49 4E 2D 49 4E 54 2D 30 31'),
  rkssse: fromHex('59 4B 54 2D 54 52 41 49 4E 2D 52 4B 53 53 53 45'),
});

/** The card's own key for `master`: SM4_master(卡识别码). */
export function diversifyKey(master: Uint8Array, cardIdCode: Uint8Array): Uint8Array {
  return sm4EncryptBlock(master, cardIdCode);
}
