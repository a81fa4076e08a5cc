import type { Migration } from '@src/platform/db/migrate';

/**
 * Shift hand-overs (交班): who handed over which window, with the figures as shown (fen), so the
 * next shift starts where the last one ended and a hand-over can be reprinted as it was.
 */
export const m0501ShiftHandovers: Migration = {
  id: 501,
  name: 'shift-handovers',
  up(db) {
    db.exec(`
      CREATE TABLE shift_handovers (
        id INTEGER PRIMARY KEY,
        operator TEXT NOT NULL,
        window_from TEXT NOT NULL,
        window_to TEXT NOT NULL,
        cash_fen INTEGER NOT NULL,
        settlements INTEGER NOT NULL,
        refunds INTEGER NOT NULL,
        report TEXT NOT NULL,
        handed_over_at TEXT NOT NULL,
        CHECK (window_from <= window_to)
      ) STRICT;
      CREATE INDEX shift_handovers_operator ON shift_handovers (operator, window_to);
    `);
  },
};
