import { m0003AuditLog } from './0003-audit-log';

export const auditMigrations = [m0003AuditLog];
