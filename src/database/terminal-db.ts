// The terminal database (money, pending work, operators, configuration, audit): WAL with
// synchronous=FULL. Each domain contributes its numbered migrations; ids are allotted by range in
// docs/ARCHITECTURE.md so features developed side by side never collide.
import { auditMigrations } from '@src/audit/migrations';
import { configMigrations } from '@src/config/migrations';
import { hubMigrations } from '@src/hub/migrations';
import { operatorMigrations } from '@src/operators/migrations';
import { reconcileMigrations } from '@src/reconcile/migrations';
import { offlineMigrations } from '@src/offline/migrations';
import { queueMigrations } from '@src/queue/migrations';
import { settlementMigrations } from '@src/settlement/migrations';
import type { Migration } from '@src/platform/db/migrate';
import { openDatabase, type Db } from '@src/platform/db/open';

export const terminalMigrations: readonly Migration[] = [...configMigrations, ...operatorMigrations, ...auditMigrations, ...hubMigrations, ...settlementMigrations, ...queueMigrations, ...offlineMigrations, ...reconcileMigrations];

export function openTerminalDb(file: string): Db {
  return openDatabase(file, { durability: 'full', migrations: terminalMigrations });
}
