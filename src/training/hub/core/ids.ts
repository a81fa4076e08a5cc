// Identifiers the hub hands out. All are area + time stamp + sequence, unique per database, so
// they read like real ones and sort by time.
import { formatStamp } from '@src/hub/protocol/time';
import type { Db } from '@src/platform/db/open';
import { nextSequence } from '../state/hub-db';

function pad(n: number, width: number): string {
  return String(n % 10 ** width).padStart(width, '0');
}

/** 就诊ID: area + '1' + stamp + 6-digit sequence. */
export function newMdtrtId(db: Db, area: string, now: Date): string {
  return `${area}1${formatStamp(now)}${pad(nextSequence(db, 'mdtrt_id'), 6)}`;
}

/** 结算ID: area + '2' + stamp + 6-digit sequence. */
export function newSetlId(db: Db, area: string, now: Date): string {
  return `${area}2${formatStamp(now)}${pad(nextSequence(db, 'setl_id'), 6)}`;
}

/** 签到编号 (30): area + stamp + 10-digit sequence. */
export function newSignNo(db: Db, area: string, now: Date): string {
  return `${area}${formatStamp(now)}${pad(nextSequence(db, 'sign_no'), 10)}`;
}

/** 文件查询号 */
export function newFileQuryNo(db: Db, area: string, now: Date): string {
  return `F${area}${formatStamp(now)}${pad(nextSequence(db, 'file'), 8)}`;
}

/** 清算申请事件ID */
export function newClearingId(db: Db, area: string, now: Date): string {
  return `QS${area}${formatStamp(now)}${pad(nextSequence(db, 'clearing'), 6)}`;
}

/** The 10-digit sequence of inf_refmsgid. */
export function nextRefSequence(db: Db): number {
  return nextSequence(db, 'inf_refmsgid') % 1e10;
}
