// The serial/HID reader dialects this terminal speaks, by configuration id. Supporting a vendor's
// reader = one file implementing ReaderDialect (like ykt-dialect.ts) + one line here
// (docs/sscard.md, "Adding a vendor dialect").
import { AppError } from '@src/common/errors';
import type { ReaderDialect } from './reader-dialect';
import { yktDialect } from './ykt-dialect';

export const READER_DIALECTS: Readonly<Record<string, ReaderDialect>> = {
  [yktDialect.id]: yktDialect,
};

export const DEFAULT_DIALECT_ID = yktDialect.id;

/** The dialect for a configuration id; a clear error naming the ones available otherwise. */
export function dialectById(id: string = DEFAULT_DIALECT_ID): ReaderDialect {
  const dialect = READER_DIALECTS[id];
  if (dialect) return dialect;
  throw new AppError({
    code: 'READER_DIALECT_UNKNOWN',
    message: `不支持的读卡器通讯协议"${id}"`,
    hint: `可用：${Object.values(READER_DIALECTS)
      .map((d) => `${d.id}（${d.label}）`)
      .join('、')}；请在"设置 → 设备"中核对读卡器型号，或联系信息科。`,
    detail: `unknown reader dialect ${id}`,
  });
}
