// Which part of the msgid sequence belongs to this terminal.
//
// Why: every terminal of one institution sends the same 12-character fixmedins_code prefix, so
// two terminals allocating in the same second would collide. The 4-digit sequence is split: the
// first two digits are the terminal's slot (0–99, unique per terminal of the institution), the last
// two count within the second (100 msgids per second per terminal, far above a counter's rate).
import { createHash } from 'node:crypto';

export interface MsgidSlot {
  slot: number;
  /** True when configured explicitly (terminal.msgidSlot); false when derived from terminalId. */
  explicit: boolean;
}

/** terminal.msgidSlot if set; otherwise the trailing digits of terminalId (T01 → 1, T117 → 17); otherwise a hash of it. */
export function msgidSlotOf(terminal: { terminalId: string; msgidSlot?: number | undefined }): MsgidSlot {
  if (terminal.msgidSlot !== undefined) return { slot: terminal.msgidSlot, explicit: true };
  const digits = /(\d+)$/.exec(terminal.terminalId.trim());
  if (digits) return { slot: Number(digits[1]!.slice(-2)), explicit: false };
  const hash = createHash('sha256').update(terminal.terminalId.trim()).digest();
  return { slot: hash.readUInt16BE(0) % 100, explicit: false };
}
