// Fault injection for virtual cards: rewrite the answer to chosen commands (a damaged record, an
// unexpected status word, a half-sent response). Tests use it for the error paths; training can
// use it to show what a damaged card looks like at the counter.
import { type CommandApdu, decodeCommand } from '@native/sscard/apdu';
import type { VirtualIcc } from './virtual-icc';

export interface FaultRule {
  /** Which commands the rule applies to. */
  match(cmd: CommandApdu): boolean;
  /** The answer to send instead, given the card's own answer. */
  respond(original: Uint8Array): Uint8Array;
  /** How many times the rule fires (default: always). */
  times?: number;
}

export class FaultyIcc implements VirtualIcc {
  private readonly rules: FaultRule[];

  constructor(
    private readonly inner: VirtualIcc,
    rules: FaultRule[],
  ) {
    this.rules = rules.map((r) => ({ ...r }));
  }

  get atr(): Uint8Array {
    return this.inner.atr;
  }

  reset(): void {
    this.inner.reset();
  }

  process(apdu: Uint8Array): Uint8Array {
    const original = this.inner.process(apdu);
    let cmd: CommandApdu;
    try {
      cmd = decodeCommand(apdu);
    } catch {
      return original;
    }
    for (const rule of this.rules) {
      if (rule.times === 0 || !rule.match(cmd)) continue;
      if (rule.times !== undefined) rule.times--;
      return rule.respond(original);
    }
    return original;
  }
}

/** Matches READ RECORD of the record with this tag (identifier form). */
export function readRecordOf(tag: number): (cmd: CommandApdu) => boolean {
  return (cmd) => cmd.ins === 0xb2 && cmd.p1 === tag;
}
