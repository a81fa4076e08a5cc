import type { Migration } from '@src/platform/db/migrate';

/**
 * The msgid allocator's state: one row, the last stamp (yyyyMMddHHmmss) and the counter used in
 * it. Allocation reads and writes it inside an IMMEDIATE transaction, so the app and the CLI
 * (both on terminal.db) never hand out the same msgid, and a restart continues where it stopped.
 */
export const m0100HubMsgid: Migration = {
  id: 100,
  name: 'hub-msgid',
  up(db) {
    db.exec(`
      CREATE TABLE hub_msgid_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_stamp TEXT NOT NULL CHECK (length(last_stamp) = 14),
        last_counter INTEGER NOT NULL CHECK (last_counter BETWEEN 0 AND 9999),
        allocated INTEGER NOT NULL DEFAULT 0
      ) STRICT;
      INSERT INTO hub_msgid_state (id, last_stamp, last_counter) VALUES (1, '00000000000000', 0);
    `);
  },
};
