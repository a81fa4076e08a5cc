// 9101 文件上传 (the 3202 detail file) and the lookup 9102 downloads use. The download itself is
// streamed by the call pipeline (it answers application/octet-stream, not an envelope).
import type { Readable } from 'node:stream';
import { formatInfTime } from '@src/hub/protocol/time';
import { CATALOG_DOWNLOAD_FILENAME, type CatalogFileInfno } from '@src/hub/protocol/transactions';
import type { Db } from '@src/platform/db/open';
import { catalogZipStream } from '@src/training/catalog/catalog-file';
import { zipTextStream } from '@src/training/catalog/zip-text';
import type { TrainingCatalog } from '@src/training/catalog/training-catalog';
import { refuse } from '../core/hub-refusal';
import { newFileQuryNo } from '../core/ids';
import type { HandlerMap } from './handler';

/** Largest upload the hub accepts (a month of detail rows fits easily). */
export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

export const fileHandlers: HandlerMap = {
  '9101': (ctx, input) => {
    const u = input.fsUploadIn;
    if (u.fixmedins_code !== ctx.institution.code) refuse('文件上传的定点医药机构编号与报文头不符');
    if (u.in.length === 0) refuse('上传文件内容为空');
    if (u.in.length > MAX_UPLOAD_BYTES) refuse(`上传文件超过${MAX_UPLOAD_BYTES / 1024 / 1024}MB`);
    if (u.filename.trim() === '') refuse('文件名filename不能为空');
    const fileQuryNo = newFileQuryNo(ctx.db, ctx.institution.admdvs, ctx.now);
    const end = formatInfTime(new Date(ctx.now.getTime() + ctx.settings.fileTtlMs));
    ctx.db.prepare(`INSERT INTO files (file_qury_no, kind, fixmedins_code, filename, content, created_at, dld_endtime) VALUES (?, 'upload', ?, ?, ?, ?, ?)`).run(
      fileQuryNo, ctx.institution.code, u.filename, Buffer.from(u.in), formatInfTime(ctx.now), end,
    );
    return { file_qury_no: fileQuryNo, filename: u.filename, dld_endtime: end };
  },
};

export interface FileRow {
  file_qury_no: string;
  kind: 'catalog' | 'upload' | 'stmt';
  fixmedins_code: string;
  filename: string;
  infno: string | null;
  ver: string | null;
  content: Buffer | null;
  dld_endtime: string;
}

export function findFile(db: Db, fileQuryNo: string): FileRow | undefined {
  return db.prepare('SELECT file_qury_no, kind, fixmedins_code, filename, infno, ver, content, dld_endtime FROM files WHERE file_qury_no = ?').get(fileQuryNo) as FileRow | undefined;
}

/** 9102: the file to stream, or a refusal (unknown, someone else's, expired, wrong name). */
export function openDownload(db: Db, catalog: TrainingCatalog, args: { fileQuryNo: string; filename: string; fixmedinsCode: string; now: Date }): { filename: string; stream: Readable | Buffer } {
  const f = findFile(db, args.fileQuryNo);
  if (!f || f.fixmedins_code !== args.fixmedinsCode) refuse(`文件查询号${args.fileQuryNo}不存在`);
  if (formatInfTime(args.now) > f.dld_endtime) refuse(`文件查询号${args.fileQuryNo}已超过下载截止时间${f.dld_endtime}，请重新申请`);
  if (args.filename !== f.filename && !(f.kind === 'catalog' && args.filename === CATALOG_DOWNLOAD_FILENAME)) refuse(`文件名${args.filename}与文件查询号不符`);
  if (f.kind === 'catalog') return { filename: f.filename, stream: catalogZipStream(catalog, f.infno as CatalogFileInfno, f.ver ?? '') };
  if (f.kind === 'stmt') {
    const lines = (f.content ?? Buffer.alloc(0)).toString('utf8').split('\n').filter((l) => l !== '');
    return { filename: f.filename, stream: zipTextStream(f.filename.replace(/\.zip$/, '.txt'), lines) };
  }
  return { filename: f.filename, stream: f.content ?? Buffer.alloc(0) };
}
