import { m0300Settlement } from './0300-settlement';

/** terminal.db migrations of settlement (ids 300–399). */
export const settlementMigrations = [m0300Settlement];
