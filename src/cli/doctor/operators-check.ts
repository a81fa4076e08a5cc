import type { DoctorCheck } from './doctor-check';

export const operatorsCheck: DoctorCheck = {
  name: '操作员账号',
  async run(host) {
    const ops = host.services.accounts.list();
    const admins = ops.filter((o) => o.role === 'it_admin' && !o.disabled);
    if (ops.length === 0) return { status: 'fail', message: '没有任何操作员账号', fix: '运行 yikatong operators add --username it01 --name 姓名 --role it_admin 创建管理员。' };
    if (admins.length === 0) return { status: 'warn', message: '没有可用的信息科管理员账号', fix: '运行 yikatong operators add --role it_admin 创建一个。' };
    const locked = ops.filter((o) => o.lockedUntil && new Date(o.lockedUntil) > new Date());
    if (locked.length) return { status: 'warn', message: `${locked.length} 个账号被临时锁定：${locked.map((o) => o.username).join('、')}`, fix: '运行 yikatong operators unlock <工号> 解锁。' };
    return { status: 'ok', message: `${ops.length} 个账号，其中管理员 ${admins.length} 个` };
  },
};
