// Prepares a data folder for test/e2e/reconcile.spec.ts: a training-mode host settles two
// outpatient visits for sy01 through the terminal's own hub client, then the embedded training
// hub is told to disagree (an amount changed, a settlement only the hub has). The terminal the
// spec starts on the same folder reuses that hub state.
// Usage: node --import tsx test/e2e/reconcile-seed.ts <dataDir>
import { startTestHost } from '../helpers/test-host';
import { admin, hubOperator, patient, settle } from '../integration/reconcile-kit';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: reconcile-seed.ts <dataDir>');
const host = await startTestHost({ dataRoot: dataDir, mode: 'training', trainingInstitution: 'hospital', role: 'tool' });
try {
  const op = await hubOperator(host);
  await settle(host, op, patient('刘洋'));
  const zhang = await settle(host, op, patient('张伟'));
  await admin(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'amountChanged', setl_id: zhang.setl_id, deltaFen: 200 });
  const orphan = await admin<{ msgid: string }>(host, 'POST', '/admin/reconciliation/disagreements', { kind: 'terminalLost', psn_no: patient('刘洋').psnNo });
  process.stdout.write(JSON.stringify({ orphanMsgid: orphan.msgid, amountChangedSetlId: zhang.setl_id }) + '\n');
} finally {
  await host.close();
}
