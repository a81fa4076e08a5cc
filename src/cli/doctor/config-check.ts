import type { DoctorCheck } from './doctor-check';

export const configCheck: DoctorCheck = {
  name: '终端配置',
  async run(host) {
    const c = host.services.config.get();
    const problems: string[] = [];
    if (host.services.mode === 'live') {
      if (/127\.0\.0\.1|localhost/.test(c.hub.url)) problems.push('正式模式下中心地址仍指向本机');
      if (c.hub.gateway.scheme === 'none') problems.push('正式模式未配置网关认证');
    }
    if (problems.length) return { status: 'warn', message: problems.join('；'), fix: '用 yikatong config set hub.url=… 或在“系统设置”页面修改。' };
    return { status: 'ok', message: `${c.institution.name}（${c.institution.code}），就医地 ${c.mdtrtareaAdmvs}，终端 ${c.terminal.terminalId}` };
  },
};
