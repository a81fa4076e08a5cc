// Errors of a sync, and how an AppError crosses the worker boundary (structured clone keeps
// only plain data, so it travels as its init and is rebuilt on the other side).
import { AppError } from '@src/common/errors';
export interface SerializedErrorShape {
  code: string;
  message: string;
  hint?: string;
  detail?: string;
  stack?: string;
  appError: boolean;
}

export function serializeError(e: unknown): SerializedErrorShape {
  if (e instanceof AppError) return { appError: true, code: e.code, message: e.message, ...(e.hint ? { hint: e.hint } : {}), ...(e.detail ? { detail: e.detail } : {}) };
  const err = e instanceof Error ? e : new Error(String(e));
  return { appError: false, code: (err as { code?: string }).code ?? 'INTERNAL', message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
}

export function reviveError(s: SerializedErrorShape): Error {
  if (s.appError) return new AppError({ code: s.code, message: s.message, ...(s.hint ? { hint: s.hint } : {}), ...(s.detail ? { detail: s.detail } : {}) });
  const e = new Error(s.message);
  (e as { code?: string }).code = s.code;
  if (s.stack) e.stack = s.stack;
  return e;
}

export const syncBusy = (detail: string): AppError =>
  new AppError({ code: 'CATALOG_SYNC_BUSY', message: '目录正在同步中', hint: '请等待当前同步完成（可在“目录管理”查看进度），或先取消它。', detail });

export const syncCancelled = (): AppError => new AppError({ code: 'CATALOG_SYNC_CANCELLED', message: '目录同步已取消', hint: '目录保持取消前的版本；需要时请重新同步，已下载的文件会继续使用。' });

export const tooManyInvalidRows = (infno: string, invalid: number, rows: number): AppError =>
  new AppError({
    code: 'CATALOG_TOO_MANY_INVALID_ROWS',
    message: `目录 ${infno} 的文件有 ${invalid} 行无法识别（共 ${rows + invalid} 行），未更新该目录`,
    hint: '文件格式可能与本终端不符。请把同步报告交给信息科核对；现有目录保持不变，可继续使用。',
    detail: `infno ${infno}: ${invalid} invalid of ${rows + invalid}`,
  });

export const rowCountMismatch = (infno: string, announced: number, read: number): AppError =>
  new AppError({
    code: 'CATALOG_FILE_INCOMPLETE',
    message: `目录 ${infno} 的文件行数（${read}）与医保中心告知的（${announced}）不一致`,
    hint: '文件可能下载不完整。请重新同步；如反复出现，请联系医保中心。',
    detail: `infno ${infno}: announced ${announced}, read ${read}`,
  });
