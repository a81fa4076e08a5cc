import type { DoctorCheck } from './doctor-check';

export const auditCheck: DoctorCheck = {
  name: '审计日志',
  async run(host) {
    const v = host.services.audit.verify();
    if (!v.ok) return { status: 'fail', message: `审计链在第 ${v.firstBroken?.seq} 条断开：${v.firstBroken?.reason}`, fix: '审计日志被改动过：请保留数据库文件并上报信息科负责人。' };
    return { status: 'ok', message: `哈希链完整（${v.entries} 条）` };
  },
};
