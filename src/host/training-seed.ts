// Training mode's starting state: operator accounts (shown on the login screen) and the training
// institution's configuration. Documented in README.md, "Training data".
import type { Role } from '@src/contract/define';
import type { ConfigStore } from '@src/config/config-store';
import type { OperatorAccounts } from '@src/operators/operator-accounts';
import { hubInstitution, type HubInstitution } from '@src/training/hub/training-institutions';

export const TRAINING_PASSWORD = 'train1234';

export const TRAINING_ACCOUNTS: readonly { username: string; displayName: string; role: Role; roleLabel: string; password: string }[] = [
  { username: 'sy01', displayName: '王小红', role: 'cashier', roleLabel: '收款员', password: TRAINING_PASSWORD },
  { username: 'yf01', displayName: '李药师', role: 'pharmacist', roleLabel: '药师', password: TRAINING_PASSWORD },
  { username: 'it01', displayName: '赵工', role: 'it_admin', roleLabel: '信息科管理员', password: TRAINING_PASSWORD },
];

// The training institutions are the training hub's (one list: src/training/hub/training-institutions.ts).
function trainingInstitution(code: string): HubInstitution {
  const found = hubInstitution(code);
  if (!found) throw new Error(`training institution ${code} missing from the training hub`);
  return found;
}
const hospital = trainingInstitution('H31010100001');
const pharmacy = trainingInstitution('P31010100001');
export const TRAINING_HOSPITAL = { code: hospital.code, name: hospital.name, kind: 'hospital', level: hospital.level } as const;
export const TRAINING_PHARMACY = { code: pharmacy.code, name: pharmacy.name, kind: 'pharmacy' } as const;
export const TRAINING_AREA = hospital.admdvs;

/** Creates the training accounts on first start; leaves existing ones alone. */
export async function seedTrainingOperators(accounts: OperatorAccounts): Promise<void> {
  const existing = new Set(accounts.list().map((o) => o.username));
  for (const a of TRAINING_ACCOUNTS) {
    if (!existing.has(a.username)) await accounts.create({ username: a.username, displayName: a.displayName, role: a.role, password: a.password }, 'training-seed');
  }
}

/** The training institution, unless an IT admin changed it. */
export function seedTrainingConfig(config: ConfigStore, institution: 'hospital' | 'pharmacy' | undefined): void {
  if (institution === undefined) return;
  const inst = institution === 'pharmacy' ? TRAINING_PHARMACY : TRAINING_HOSPITAL;
  config.update({ institution: { ...inst }, mdtrtareaAdmvs: TRAINING_AREA }, 'training-seed');
}
