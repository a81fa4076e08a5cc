// The checks `yikatong doctor` runs, in order.
import { auditCheck } from './audit-check';
import { catalogCheck } from './catalog-check';
import { configCheck } from './config-check';
import { databaseCheck } from './database-check';
import { devicesCheck } from './devices-check';
import type { DoctorCheck } from './doctor-check';
import { hubCheck } from './hub-check';
import { operatorsCheck } from './operators-check';
import { queueCheck } from './queue-check';

export const doctorChecks: DoctorCheck[] = [databaseCheck, configCheck, operatorsCheck, auditCheck, hubCheck, queueCheck, devicesCheck, catalogCheck];
