// terminal.db migrations of reconciliation and reports (ids 500–599, docs/ARCHITECTURE.md).
import type { Migration } from '@src/platform/db/migrate';
import { m0500Reconciliation } from './0500-reconciliation';
import { m0501ShiftHandovers } from './0501-shift-handovers';

export const reconcileMigrations: readonly Migration[] = [m0500Reconciliation, m0501ShiftHandovers];
