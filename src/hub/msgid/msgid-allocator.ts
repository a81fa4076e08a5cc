// Allocates msgids: fixmedins_code(12) + yyyyMMddHHmmss (China time) + slot(2) + counter(2).
//
// Unique per terminal across restarts and across processes: the last stamp and counter live in
// terminal.db and are read-modified-written inside one IMMEDIATE transaction (the app and the CLI
// share the file). Survives the clock going backwards: the stamp used is never earlier than the
// last one handed out; when the 100 counters of a second are used up, the stamp moves on by one
// second (it may briefly run ahead of the clock, and falls back in step when the clock catches up).
import { buildMsgid, formatStamp, addSecondsToStamp } from '@src/hub/protocol';
import type { Statement } from 'better-sqlite3';
import { immediate, type Db } from '@src/platform/db/open';

export const COUNTERS_PER_SECOND = 100;

export interface MsgidAllocatorOptions {
  db: Db;
  /** Current institution code (12 characters). */
  fixmedinsCode: () => string;
  /** This terminal's slot, 0–99 (msgid-slot.ts). */
  slot: () => number;
  now?: () => Date;
}

interface State {
  last_stamp: string;
  last_counter: number;
}

export class MsgidAllocator {
  private readonly now: () => Date;
  private readonly read: Statement;
  private readonly write: Statement;

  constructor(private readonly options: MsgidAllocatorOptions) {
    this.now = options.now ?? (() => new Date());
    this.read = options.db.prepare('SELECT last_stamp, last_counter FROM hub_msgid_state WHERE id = 1');
    this.write = options.db.prepare('UPDATE hub_msgid_state SET last_stamp = ?, last_counter = ?, allocated = allocated + 1 WHERE id = 1');
  }

  /** A fresh msgid, durably recorded as used before it is returned. */
  next(): string {
    const code = this.options.fixmedinsCode();
    const slot = this.options.slot();
    if (!Number.isInteger(slot) || slot < 0 || slot > 99) throw new RangeError(`msgid slot must be 0–99: ${slot}`);
    const { stamp, counter } = immediate(this.options.db, () => {
      const state = this.read.get() as State;
      const clockStamp = formatStamp(this.now());
      let next: { stamp: string; counter: number };
      if (clockStamp > state.last_stamp) next = { stamp: clockStamp, counter: 0 };
      else if (state.last_counter + 1 < COUNTERS_PER_SECOND) next = { stamp: state.last_stamp, counter: state.last_counter + 1 };
      else next = { stamp: addSecondsToStamp(state.last_stamp, 1), counter: 0 };
      this.write.run(next.stamp, next.counter);
      return next;
    });
    return buildMsgid(code, stamp, slot * COUNTERS_PER_SECOND + counter);
  }

  /** For `yikatong doctor`: the last stamp handed out and how many msgids so far. */
  state(): { lastStamp: string; allocated: number } {
    const row = this.options.db.prepare('SELECT last_stamp, allocated FROM hub_msgid_state WHERE id = 1').get() as { last_stamp: string; allocated: number };
    return { lastStamp: row.last_stamp, allocated: row.allocated };
  }
}
