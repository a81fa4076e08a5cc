import { m0001HubState } from './0001-hub-state';

/** training-hub.db migrations (its own sequence, starting at 1). */
export const hubMigrations = [m0001HubState];
