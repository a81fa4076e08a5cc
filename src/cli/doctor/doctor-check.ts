// `yikatong doctor`: each check says what it looked at, what is wrong, and how to fix it.
// Features add a check file in this folder and list it in doctor-checks.ts.
import type { Host } from '@src/host/host';

export interface CheckResult {
  status: 'ok' | 'warn' | 'fail';
  /** Chinese: what was found. */
  message: string;
  /** Chinese: how to fix it (for warn/fail). */
  fix?: string;
}

export interface DoctorCheck {
  /** Short Chinese name shown in the report. */
  name: string;
  run(host: Host): Promise<CheckResult | CheckResult[]>;
}
