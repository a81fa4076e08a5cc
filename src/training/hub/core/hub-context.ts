// What a transaction handler receives: the state, the request's header, and the time.
import type { RequestHeader } from '@src/hub/protocol/envelope';
import type { Db } from '@src/platform/db/open';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import type { HubClock } from '../hub-clock';
import type { HubInstitution } from '../training-institutions';

export interface HubSettings {
  /** How long an ecToken from ec.query stays valid (ms). */
  ecTokenTtlMs: number;
  /** How long a prepared file may be downloaded with 9102 (ms). */
  fileTtlMs: number;
}

export const DEFAULT_SETTINGS: HubSettings = { ecTokenTtlMs: 30 * 60 * 1000, fileTtlMs: 24 * 60 * 60 * 1000 };

/** What a 2601 reversal can undo, recorded with the message that caused it. */
export type Effect =
  | { type: 'settle'; setlId: string }
  | { type: 'cancel'; setlId: string; cancelSetlId: string }
  | { type: 'register'; mdtrtId: string }
  | { type: 'upload'; mdtrtId: string; feedetlSns: string[] }
  | { type: 'discharge'; mdtrtId: string };

export interface HubContext {
  db: Db;
  clock: HubClock;
  catalog: TrainingCatalog;
  settings: HubSettings;
  header: RequestHeader;
  institution: HubInstitution;
  /** The time the request arrived (hub clock). */
  now: Date;
  /** Records what 2601 may undo for this message. */
  recordEffect(effect: Effect): void;
  /** Adds a warning to the answer's warn_msg. */
  warn(text: string): void;
}
