import { m0100HubMsgid } from './0100-hub-msgid';
import { m0101HubJournal } from './0101-hub-journal';

/** terminal.db migrations of the hub client (ids 100–199). */
export const hubMigrations = [m0100HubMsgid, m0101HubJournal];
