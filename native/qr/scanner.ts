// What every scanner (serial line, HID-POS, keyboard wedge, virtual) reports: one decoded code.
export interface ScanEvent {
  text: string;
  /** AIM symbology identifier when the scanner sends one (']Q1' QR, ']E0' EAN-13 …). */
  aim?: string;
  /** Vendor code id (Honeywell: 0x73 QR), when known. */
  codeId?: number;
}

export interface Scanner {
  onScan(listener: (scan: ScanEvent) => void): () => void;
  /** Stops listening to the transport. */
  detach(): void;
}
