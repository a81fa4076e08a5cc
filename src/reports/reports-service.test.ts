import { describe, expect, it } from 'vitest';
import { AuditLog } from '@src/audit/audit-log';
import { terminalMigrations } from '@src/database/terminal-db';
import { TerminalConfigSchema } from '@src/contract/config';
import type { HubJournal } from '@src/hub/journal/hub-journal';
import { record } from '@src/reconcile/test-records';
import type { SettlementSource } from '@src/reconcile/settled-record';
import { databaseBefore } from '../../test/helpers/migration-test';
import { HandoverStore } from './handover-store';
import { ReportsService } from './reports-service';

const records = [record({ operator: 'sy01', setlTime: '2026-11-23 09:00:00' }), record({ operator: 'sy02', setlTime: '2026-11-23 09:30:00' })];
const source: SettlementSource = { records: () => records, reversals: () => [{ msgid: 'R', omsgid: 'O', oinfno: '2207', at: '2026-11-23T01:10:00.000Z', operator: 'sy01' }] };
const journal = { listUnresolved: () => [{ infno: '2207', createdAt: '2026-11-23T01:20:00.000Z', operator: 'sy01' }] } as unknown as HubJournal;
const config = TerminalConfigSchema.parse({});

function service(): ReportsService {
  const db = databaseBefore(terminalMigrations, Number.MAX_SAFE_INTEGER);
  const now = () => new Date('2026-11-23T08:00:00Z');
  return new ReportsService({ source, journal, config: () => config, handovers: new HandoverStore(db, now), audit: new AuditLog(db, () => 'T01', now), now });
}

describe('ReportsService', () => {
  const shift = { operator: 'sy01', operatorName: '王小红', from: new Date('2026-11-23T00:00:00Z'), to: new Date('2026-11-23T08:00:00Z') };

  it('gives a shift its own settlements, reversals and still-unknown calls', () => {
    const s = service().shift(shift);
    expect(s.total.count).toBe(1);
    expect(s.reversals).toBe(1);
    expect(s.unresolvedCalls).toBe(1);
  });

  it('exports CSV always, and refuses PDF clearly when no renderer is available', async () => {
    const s = service();
    const csv = await s.exportShift(shift, 'csv');
    expect(csv.filename).toBe('交班报表_sy01_2026-11-23.csv');
    await expect(s.exportShift(shift, 'pdf')).rejects.toMatchObject({ code: 'REPORT_PDF_UNAVAILABLE' });
    s.setPdfRenderer(async ({ lines }) => Buffer.from(`PDF ${lines.length}`));
    expect((await s.exportSummary({ from: '2026-11-23', to: '2026-11-23' }, 'pdf')).bytes.toString()).toMatch(/^PDF \d+$/);
  });

  it('starts the next shift where the last hand-over ended, and audits the hand-over', () => {
    const s = service();
    const to = new Date('2026-11-23T08:00:00Z');
    expect(s.shiftStart('sy01', to).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    const { report } = s.handOver({ ...shift, from: s.shiftStart('sy01', new Date('2026-11-23T04:00:00Z')), to: new Date('2026-11-23T04:00:00Z') }, 'sy01');
    expect(report.cashToHandOver).toBe(3_000);
    expect(s.shiftStart('sy01', to).toISOString()).toBe('2026-11-23T04:00:00.001Z');
    expect(s.shiftStart('sy02', to).toISOString()).toBe('2026-11-22T16:00:00.000Z');
    // A hand-over of an earlier day does not shorten today's shift.
    expect(s.shiftStart('sy01', new Date('2026-11-24T08:00:00Z')).toISOString()).toBe('2026-11-23T16:00:00.000Z');
  });

  it('refuses a shift that ends before it starts', () => {
    expect(() => service().shift({ ...shift, from: shift.to, to: shift.from })).toThrow(/晚于/);
  });
});
