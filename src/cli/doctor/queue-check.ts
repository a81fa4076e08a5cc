// `yikatong doctor`: the offline queue — what waits, what failed and needs IT, a lease left by a
// drainer that stopped heartbeating, and whether this program can open the queue's data.
import { formatYuan } from '@src/common/money';
import type { Host } from '@src/host/host';
import type { CheckResult, DoctorCheck } from './doctor-check';

const OLD_MS = 24 * 3600_000;

export const queueCheck: DoctorCheck = {
  name: '离线队列',
  async run(host: Host): Promise<CheckResult[]> {
    const q = host.services.queue;
    const s = q.summary();
    const out: CheckResult[] = [];
    if (s.depth === 0) out.push({ status: 'ok', message: '没有待上传的离线业务' });
    else {
      const old = s.oldestQueuedAt !== undefined && Date.now() - Date.parse(s.oldestQueuedAt) > OLD_MS;
      out.push({
        status: old ? 'warn' : 'ok',
        message: `待上传 ${s.depth} 笔，合计 ${formatYuan(s.amountFen)} 元（最早 ${s.oldestQueuedAt ?? '-'}）`,
        ...(old ? { fix: '有超过一天未上传的离线业务：请确认医保中心可以连接，然后运行 yikatong queue flush 或在“离线队列”界面上传。' } : {}),
      });
    }
    if (s.dead > 0) out.push({ status: 'fail', message: `${s.dead} 笔上传失败，需要人工处理`, fix: '用 yikatong queue status --items 查看原因；处理后 yikatong queue retry <编号> 或 resolve <编号> --note …' });
    const lease = q.lease.info();
    if (lease.owner && lease.expiresAt < Date.now()) out.push({ status: 'ok', message: `上次上传者 ${lease.owner} 未正常结束，其租约已过期，下次上传会接手并按报文ID核对` });
    if (s.depth > 0) {
      try {
        host.services.sealed();
      } catch (e) {
        out.push({ status: 'warn', message: `命令行无法解开数据密钥（${(e as Error).message}），不能从这里上传`, fix: '请在终端程序的“离线队列”界面上传；状态和导出在命令行仍可使用。' });
      }
    }
    return out;
  },
};
