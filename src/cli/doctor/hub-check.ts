// `yikatong doctor`: the hub client — endpoint and gateway, reachability and latency, msgid
// allocation, and calls whose outcome is still unknown (with what to do about them).
import { msgidSlotOf } from '@src/hub/msgid/msgid-slot';
import { describeTransportProblem } from '@src/hub/transport/transport-problem';
import { formatStamp, parseStamp, transactions, type Infno } from '@src/hub/protocol';
import type { Host } from '@src/host/host';
import type { CheckResult, DoctorCheck } from './doctor-check';

const PROBE_TIMEOUT_MS = 3000;
const SLOW_MS = 1000;

function endpointCheck(host: Host): CheckResult {
  const c = host.services.config.get();
  const endpoint = host.services.hub.endpoint();
  const scheme = c.hub.gateway.scheme;
  const schemeText = scheme === 'tif' ? `国家网关（paasid ${c.hub.gateway.paasId}）` : scheme === 'csb' ? `江苏 CSB（${c.hub.gateway.apiName}）` : '无';
  if (host.services.mode === 'live' && scheme === 'none') {
    return { status: 'warn', message: `中心地址 ${endpoint}，未配置网关认证`, fix: '如本地区要求网关认证，请设置 hub.gateway（scheme=tif 的 paasId/paasToken，或 scheme=csb 的密钥）。' };
  }
  return { status: 'ok', message: `中心地址 ${endpoint}，网关认证：${schemeText}，接口版本 ${c.hub.infver}，接收方系统代码 ${c.hub.recerSysCode}` };
}

async function reachabilityCheck(host: Host): Promise<CheckResult> {
  const endpoint = new URL(host.services.hub.endpoint());
  if (host.services.mode === 'training' && endpoint.port === '0') {
    return { status: 'warn', message: '培训模式：内置培训医保中心没有启动，本次未探测', fix: '查看上面列出的缺少的功能及原因；也可以用 npm run hub 单独启动培训中心，再用 yikatong config set hub.url=… 指向它。' };
  }
  try {
    const ms = Math.round(await host.services.hub.client.probe(PROBE_TIMEOUT_MS));
    if (ms > SLOW_MS) return { status: 'warn', message: `可以连接 ${endpoint.host}，但建立连接用了 ${ms} 毫秒`, fix: '网络较慢：结算总时限可能不够用，请信息科检查线路或专网。' };
    return { status: 'ok', message: `可以连接 ${endpoint.host}（建立连接 ${ms} 毫秒）` };
  } catch (e) {
    return {
      status: 'fail',
      message: `无法连接医保中心 ${endpoint.host}：${describeTransportProblem(e)}`,
      fix: '请检查网线、防火墙和专网，并核对中心地址（yikatong config set hub.url=…）；恢复前可按离线流程收费。',
    };
  }
}

function msgidCheck(host: Host): CheckResult {
  const c = host.services.config.get();
  const { slot, explicit } = msgidSlotOf(c.terminal);
  const state = host.services.hub.msgids.state();
  const ahead = state.allocated > 0 ? (parseStamp(state.lastStamp).getTime() - Date.now()) / 1000 : 0;
  const base = `终端位 ${String(slot).padStart(2, '0')}（${explicit ? '已设置' : `由终端编号 ${c.terminal.terminalId} 推出`}），已分配 ${state.allocated} 个报文号`;
  if (ahead > 60) {
    return { status: 'warn', message: `${base}；上次报文号时间 ${state.lastStamp} 比本机时钟快 ${Math.round(ahead)} 秒`, fix: `本机时钟可能被往回调过（现在 ${formatStamp(new Date())}）：请校准系统时间；报文号仍保持唯一。` };
  }
  if (host.services.mode === 'live' && !explicit) {
    return { status: 'warn', message: base, fix: '同一机构有多台终端时，请为每台设置不同的报文号终端位：yikatong config set terminal.msgidSlot=<0–99>。' };
  }
  return { status: 'ok', message: base };
}

function journalCheck(host: Host): CheckResult {
  const unresolved = host.services.hub.resolver.listUnresolved();
  if (unresolved.length === 0) return { status: 'ok', message: '没有结果未知的医保交易' };
  const list = unresolved
    .slice(0, 5)
    .map((e) => `${transactions[e.infno as Infno]?.name ?? e.infno} 报文号 ${e.msgid}${e.context ? `（${e.context}）` : ''} ${e.createdAt.slice(0, 19).replace('T', ' ')}Z`)
    .join('；');
  return {
    status: 'fail',
    message: `${unresolved.length} 笔医保交易结果未知：${list}${unresolved.length > 5 ? ' …' : ''}`,
    fix: '这些交易可能已在医保中心生效，确认前不要让患者重复缴费：结算类先查询（5203），或冲正（2601），或按原报文号重发；仍无法确认时请联系医保中心客服核实后登记结果。',
  };
}

export const hubCheck: DoctorCheck = {
  name: '医保中心',
  async run(host) {
    return [endpointCheck(host), await reachabilityCheck(host), msgidCheck(host), journalCheck(host)];
  },
};
