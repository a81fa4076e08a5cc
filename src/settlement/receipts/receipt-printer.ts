// Silent printing port: Electron's main process implements it (hidden window +
// webContents.print({ silent: true, deviceName })); the browser shell has none and the screen
// prints its receipt view with window.print().
import type { Receipt } from '@src/contract/methods/settlement';

export interface ReceiptPrinter {
  /** Prints the receipt on `printer` (empty: the system default); resolves when the job was handed over. */
  print(receipt: Receipt, options: { printer: string; copies: number }): Promise<void>;
}
