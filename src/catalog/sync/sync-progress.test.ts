import { describe, expect, it } from 'vitest';
import type { SyncProgress } from '@src/contract/methods/catalog';
import { ProgressTracker } from './sync-progress';

describe('sync progress', () => {
  function tracker() {
    let now = 0;
    const seen: SyncProgress[] = [];
    const t = new ProgressTracker(3, (p) => seen.push(p), () => now);
    return { t, seen, at: (ms: number) => (now = ms) };
  }

  it('reports rows of the announced total, percent, rate and time left while staging', () => {
    const { t, seen, at } = tracker();
    t.update('planning', '正在申请');
    t.setTotal(10_000);
    t.update('staging', '正在读取目录 1301', '1301');
    at(1000);
    t.rows(2000, 10);
    expect(seen.at(-1)).toMatchObject({ runId: 3, phase: 'staging', infno: '1301', rows: 2010, totalRows: 10_000, percent: 18.1, rowsPerSec: 2010, etaSeconds: 4, invalidRows: 10 });
  });

  it('throttles row updates to a few per second, but never phase changes', () => {
    const { t, seen, at } = tracker();
    t.setTotal(1000);
    t.update('staging', 's', '1301');
    const before = seen.length;
    for (let i = 1; i <= 50; i++) {
      at(i);
      t.rows(i * 10, 0);
    }
    expect(seen.length - before).toBeLessThanOrEqual(1);
    t.update('indexing', '正在建立索引');
    expect(seen.at(-1)!.phase).toBe('indexing');
  });

  it('gives rows 90 % of the bar and the index build the rest; done is 100 %', () => {
    const { t, seen, at } = tracker();
    t.setTotal(100);
    t.update('staging', 's', '1301');
    at(500);
    t.rows(100, 0);
    t.fileDone();
    t.apply(0.5, '建立全文索引', 'indexing');
    expect(seen.at(-1)!.percent).toBe(95);
    t.update('done', '目录同步完成');
    expect(seen.at(-1)).toMatchObject({ phase: 'done', percent: 100, rows: 100 });
  });

  it('counts files staged by an interrupted attempt as done, and carries the error of a failed run', () => {
    const { t, seen } = tracker();
    t.setTotal(300);
    t.addDone(200);
    t.update('staging', 's', '1307');
    expect(seen.at(-1)).toMatchObject({ rows: 200, percent: 60 });
    t.end('failed', '目录同步失败：网络中断', { code: 'HUB_NETWORK', message: '网络中断', hint: '检查网络' });
    expect(seen.at(-1)).toMatchObject({ phase: 'failed', error: { code: 'HUB_NETWORK' } });
  });
});
