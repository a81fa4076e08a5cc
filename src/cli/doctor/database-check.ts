import { sortMigrations } from '@src/platform/db/migrate';
import { terminalMigrations } from '@src/database/terminal-db';
import type { DoctorCheck } from './doctor-check';

export const databaseCheck: DoctorCheck = {
  name: '终端数据库',
  async run(host) {
    const db = host.services.db;
    const integrity = db.pragma('quick_check', { simple: true }) as string;
    const journal = db.pragma('journal_mode', { simple: true }) as string;
    const sync = db.pragma('synchronous', { simple: true }) as number;
    const applied = new Set((db.prepare('SELECT id FROM schema_migrations').all() as { id: number }[]).map((r) => r.id));
    const pending = sortMigrations(terminalMigrations).filter((m) => !applied.has(m.id));
    if (integrity !== 'ok') {
      return { status: 'fail', message: `数据库校验失败：${integrity}`, fix: `请停止终端程序，备份 ${host.services.paths.terminalDb} 后联系技术支持；不要删除该文件，其中有未上传的结算记录。` };
    }
    if (pending.length) return { status: 'fail', message: `有 ${pending.length} 个数据库升级未执行`, fix: '请重新启动终端程序以完成升级。' };
    if (journal !== 'wal' || sync !== 2) return { status: 'warn', message: `日志模式 ${journal}、同步级别 ${sync}，应为 wal 和 FULL(2)`, fix: '请重新启动终端程序。' };
    return { status: 'ok', message: `完好（${host.services.paths.terminalDb}，WAL，synchronous=FULL，${applied.size} 个迁移已执行）` };
  },
};
