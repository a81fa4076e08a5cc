// `yikatong devices read --driver <name>`: one entry per driver, each reading one medium once and
// returning the JSON object the command prints. The 社保卡 engineer adds `sscard` as one entry.
import { samvReadDriver } from './read/samv-read';
// issue 5 (社保卡): the sscard read driver
import { sscardReadDriver } from './sscard/sscard-read-driver';

export interface ReadDriverArgs {
  /** Serial port path (/dev/ttyUSB0, COM3, a pty). */
  port?: string;
  baud?: number;
  /** Transport kind, for drivers that support several (pcsc | serial | hid). */
  transport?: string;
  /** PC/SC reader name or HID path. */
  reader?: string;
  /** Seconds to wait for a card to be placed (0: it must be there already). */
  waitSeconds?: number;
  /** Driver-specific options (e.g. --fingerprint). */
  [option: string]: unknown;
}

export interface ReadDriver {
  /** One line in Chinese for `devices read --help`. */
  description: string;
  /** Extra command-line flags this driver understands (commander syntax), passed through in args. */
  options?: readonly { flags: string; description: string }[];
  /** Reads once. Throws an AppError (Chinese message + hint) on failure. */
  read(args: ReadDriverArgs): Promise<Record<string, unknown>>;
  /** Human-readable lines (without --json). */
  describe(result: Record<string, unknown>): string[];
}

export const readDrivers: Record<string, ReadDriver> = {
  samv: samvReadDriver,
  sscard: sscardReadDriver,
};

export function registerReadDriver(name: string, driver: ReadDriver): void {
  readDrivers[name] = driver;
}
