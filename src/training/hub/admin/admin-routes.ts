// The admin endpoints under /admin/ on the hub's own port (docs/training-hub.md, "Admin
// endpoints"): ledger, reset, clock, faults, reconciliation disagreements, patients, catalogue
// samples. Training only: there is no authentication, the hub listens on 127.0.0.1.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { formatScaled, SCALE } from '@src/common/money';
import { catalogKind, isCatalogInfno } from '@src/training/catalog/catalog-kinds';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { DAY_MS } from '../hub-clock';
import { HubRefusal } from '../core/hub-refusal';
import { ledgerReport } from '../core/ledger';
import { chronicFilings, crossProvinceFilings, findPerson } from '../core/persons';
import { FaultSpecError, validateFaultSpec } from '../faults/fault-rules';
import { readBody, sendJson } from '../http/http-io';
import type { TrainingHub } from '../training-hub';
import { injectDisagreement, listDisagreements, type DisagreementRequest } from './disagreements';

export const ADMIN_ENDPOINTS: readonly (readonly [string, string])[] = [
  ['GET /admin/', 'this list'],
  ['GET /admin/health', 'hub status: time, catalogue size, fault rules'],
  ['GET /admin/ledger?psn_no=&mdtrt_id=&since=', 'every settlement, cancellation and reversal with msgid and current state; summary.msgidsSettledTwice and visitsSettledTwice must be empty'],
  ['POST /admin/reset', 'wipe all state, re-seed the training patients relative to the real date, clear faults and the clock offset'],
  ['GET /admin/clock', 'the hub time and its offset from real time'],
  ['POST /admin/clock {advanceDays|advanceMs|set|reset}', 'move the hub clock (expire filings and ecTokens, reach next year)'],
  ['GET /admin/faults', 'active fault rules'],
  ['POST /admin/faults {kind, infno, count, ms, status, errMsg} | [..]', 'add fault rules'],
  ['DELETE /admin/faults', 'clear all fault rules'],
  ['DELETE /admin/faults/<id>', 'remove one fault rule'],
  ['GET /admin/reconciliation/disagreements', 'injected disagreements'],
  ['POST /admin/reconciliation/disagreements {kind: hubLost|amountChanged|terminalLost, setl_id, deltaFen, psn_no}', 'make the hub books differ from the terminal'],
  ['GET /admin/patients', 'training patients: insured area, account balance, filings'],
  ['GET /admin/catalog/sample?infno=1301&count=10&class=01', 'valid catalogue rows to bill in tests and drills'],
];

async function jsonBody(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, 1024 * 1024);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new FaultSpecError('body is not JSON');
  }
}

function clockState(hub: TrainingHub): Record<string, unknown> {
  return { now: hub.clock.now().toISOString(), chinaTime: hub.clock.infTime(), today: hub.clock.today(), offsetMs: hub.clock.offset() };
}

export async function handleAdmin(hub: TrainingHub, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET';
  const path = url.pathname.replace(/\/+$/, '') || '/admin';
  try {
    if (path === '/admin' && method === 'GET') return sendJson(res, 200, { endpoints: ADMIN_ENDPOINTS.map(([route, what]) => ({ route, what })) });
    if (path === '/admin/health' && method === 'GET') {
      return sendJson(res, 200, { ok: true, ...clockState(hub), catalogRows: hub.catalog.totalRows(), feeItemRows: hub.catalog.feeItemRows, faults: hub.faults.list() });
    }
    if (path === '/admin/ledger' && method === 'GET') {
      const since = url.searchParams.get('since');
      return sendJson(res, 200, ledgerReport(hub.db, { psnNo: url.searchParams.get('psn_no') ?? undefined, mdtrtId: url.searchParams.get('mdtrt_id') ?? undefined, sinceSeq: since ? Number(since) : undefined }));
    }
    if (path === '/admin/reset' && method === 'POST') {
      hub.reset();
      return sendJson(res, 200, { ok: true, ...clockState(hub) });
    }
    if (path === '/admin/clock' && method === 'GET') return sendJson(res, 200, clockState(hub));
    if (path === '/admin/clock' && method === 'POST') {
      const b = (await jsonBody(req)) as { advanceDays?: number; advanceMs?: number; set?: string; reset?: boolean };
      if (b.reset) hub.clock.setOffset(0);
      if (b.set !== undefined) {
        const at = new Date(b.set);
        if (Number.isNaN(at.getTime())) return sendJson(res, 400, { error: 'set must be an ISO date-time' });
        hub.clock.set(at);
      }
      const ms = (b.advanceMs ?? 0) + (b.advanceDays ?? 0) * DAY_MS;
      if (!Number.isSafeInteger(ms)) return sendJson(res, 400, { error: 'advanceMs/advanceDays must be whole numbers' });
      if (ms !== 0) hub.clock.advance(ms);
      return sendJson(res, 200, clockState(hub));
    }
    if (path === '/admin/faults' && method === 'GET') return sendJson(res, 200, { faults: hub.faults.list() });
    if (path === '/admin/faults' && method === 'POST') {
      const b = await jsonBody(req);
      const specs = (Array.isArray(b) ? b : [b]).map(validateFaultSpec);
      return sendJson(res, 200, { added: specs.map((s) => hub.faults.add(s)), faults: hub.faults.list() });
    }
    if (path === '/admin/faults' && method === 'DELETE') {
      hub.faults.clear();
      return sendJson(res, 200, { faults: [] });
    }
    const faultId = /^\/admin\/faults\/(\d+)$/.exec(path);
    if (faultId && method === 'DELETE') return sendJson(res, hub.faults.remove(Number(faultId[1])) ? 200 : 404, { faults: hub.faults.list() });
    if (path === '/admin/reconciliation/disagreements' && method === 'GET') return sendJson(res, 200, { disagreements: listDisagreements(hub.db) });
    if (path === '/admin/reconciliation/disagreements' && method === 'POST') {
      const b = (await jsonBody(req)) as DisagreementRequest;
      if (!['hubLost', 'amountChanged', 'terminalLost'].includes(b.kind)) return sendJson(res, 400, { error: 'kind must be hubLost, amountChanged or terminalLost' });
      return sendJson(res, 200, injectDisagreement(hub, b));
    }
    if (path === '/admin/patients' && method === 'GET') {
      return sendJson(res, 200, {
        patients: TRAINING_PATIENTS.map((p) => {
          const row = findPerson(hub.db, p.psnNo);
          return {
            name: p.name, idNumber: p.idNumber, psnNo: p.psnNo, insuredArea: p.insuredArea, insutype: p.insutype,
            accountBalanceFen: row?.account_balance_fen ?? null, psnType: row?.psn_type ?? null,
            filings: crossProvinceFilings(hub.db, p.psnNo), chronicFilings: chronicFilings(hub.db, p.psnNo),
            card: { cardNumber: p.card.cardNumber, cardIdCode: p.card.cardIdCode }, ecQrPayload: p.ecQrPayload,
          };
        }),
      });
    }
    if (path === '/admin/catalog/sample' && method === 'GET') {
      const infno = url.searchParams.get('infno') ?? '1301';
      if (!isCatalogInfno(infno) || catalogKind(infno).shape !== 'feeItem') return sendJson(res, 400, { error: `${infno} is not a priced catalogue (1301–1306, 1320, 1321)` });
      const count = Math.min(1000, Math.max(1, Number(url.searchParams.get('count') ?? 10) || 10));
      const cls = url.searchParams.get('class');
      const rows = [];
      for (let i = 0; i < hub.catalog.count(infno) && rows.length < count; i++) {
        const r = hub.catalog.feeItem(infno, i);
        if (r.valiFlag !== '1' || (cls !== null && r.chrgitmLv !== cls)) continue;
        rows.push({ code: r.code, name: r.name, spec: r.spec, unit: r.unit, chrgitmLv: r.chrgitmLv, selfpayProp: formatScaled(r.selfpayProp, SCALE.ratio), priceCap: r.priceCap === null ? null : formatScaled(r.priceCap, SCALE.price), restricted: r.lmtUsedFlag === '1' });
      }
      return sendJson(res, 200, { infno, rows });
    }
    return sendJson(res, 404, { error: `no admin endpoint ${method} ${path}`, endpoints: ADMIN_ENDPOINTS.map(([r]) => r) });
  } catch (e) {
    if (e instanceof FaultSpecError || e instanceof HubRefusal) return sendJson(res, 400, { error: e.message });
    throw e;
  }
}
