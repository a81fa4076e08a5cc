import { m0450Offline } from './0450-offline';

/** terminal.db migrations of offline settlement (ids 450–499; 400–449: src/queue). */
export const offlineMigrations = [m0450Offline];
