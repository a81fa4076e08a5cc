// A simulated smart card: what every virtual reader front-end (in-process, serial dialect, HID
// dialect, vpcd for PC/SC) plugs into its slots.

export interface VirtualIcc {
  /** Answer to reset. */
  readonly atr: Uint8Array;
  /** Power-on reset: forgets the selected application and any authentication. */
  reset(): void;
  /** Handles one command APDU and returns the response APDU. Never throws: bad input gets a status word. */
  process(apdu: Uint8Array): Uint8Array;
}
