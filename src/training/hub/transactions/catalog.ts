// Catalogues: 1301–1321 file downloads (prepared here, streamed by 9102) and the paged queries
// 1312/1316–1319, all from the training catalogue the hub also classifies fee lines by.
import { formatInfTime } from '@src/hub/protocol/time';
import { CATALOG_FILE_INFNOS, CATALOG_PAGE_INFNOS, type CatalogFileInfno, type CatalogPageInfno } from '@src/hub/protocol/transactions';
import { formatScaled, SCALE } from '@src/common/money';
import { catalogEntryName } from '@src/training/catalog/catalog-file';
import type { CatalogRow } from '@src/training/catalog/catalog-row';
import { firstReleaseAfterTime } from '@src/training/catalog/catalog-releases';
import type { HubContext } from '../core/hub-context';
import { refuse } from '../core/hub-refusal';
import { newFileQuryNo } from '../core/ids';
import type { Handler, HandlerMap } from './handler';

/** Largest page the hub serves. */
export const MAX_PAGE_SIZE = 1000;

function fileHandler(infno: CatalogFileInfno): Handler<CatalogFileInfno> {
  return (ctx, input) => {
    const ver = input.data.ver.trim();
    const fileQuryNo = newFileQuryNo(ctx.db, ctx.institution.admdvs, ctx.now);
    const filename = catalogEntryName(infno, ver).replace(/\.txt$/, '.zip');
    const end = formatInfTime(new Date(ctx.now.getTime() + ctx.settings.fileTtlMs));
    ctx.db.prepare(`INSERT INTO files (file_qury_no, kind, fixmedins_code, filename, infno, ver, created_at, dld_endtime) VALUES (?, 'catalog', ?, ?, ?, ?, ?, ?)`).run(
      fileQuryNo, ctx.institution.code, filename, infno, ver, formatInfTime(ctx.now), end,
    );
    return { file_qury_no: fileQuryNo, filename, dld_end_time: end, data_cnt: ctx.catalog.countAfter(infno, ver) };
  };
}

function price(v: number | null): string {
  return v === null ? '' : formatScaled(v, SCALE.price);
}

/** The columns each paged query answers. */
function pageRow(infno: CatalogPageInfno, r: CatalogRow, ctx: HubContext): Record<string, string> {
  const common = { begndate: r.begndate, enddate: r.enddate, vali_flag: r.valiFlag, rid: r.rid, updt_time: r.updtTime };
  const area = ctx.institution.admdvs;
  switch (infno) {
    case '1312':
      return {
        hilist_code: r.code, hilist_name: r.name, insu_admdvs: area, ...common, med_chrgitm_type: r.medChrgitmType, chrgitm_lv: r.chrgitmLv,
        lmt_used_flag: r.lmtUsedFlag, list_type: r.listType, med_use_flag: '1', matn_used_flag: '0', hilist_use_type: '1', lmt_cpnd_type: '0',
        pinyin: r.pinyin, memo: r.lmtUsedDscr, poolarea_no: area,
      };
    case '1316':
      return { med_list_codg: r.code, hilist_code: r.code, list_type: r.listType, insu_admdvs: area, ...common, memo: '' };
    case '1317':
      // Training institutions use the national codes as their own (医药机构目录编码 = 医疗目录编码).
      return {
        fixmedins_code: ctx.institution.code, medins_list_codg: r.code, medins_list_name: r.name, list_type: r.listType, med_list_codg: r.code,
        ...common, aprvno: r.aprvno, dosform: r.dosform, prcunt: r.unit, spec: r.spec, pacspec: r.pack, memo: '',
      };
    case '1318':
      return { hilist_code: r.code, hilist_lmtpric_type: '1', overlmt_dspo_way: '1', insu_admdvs: area, ...common, hilist_pric_uplmt_amt: price(r.priceCap) };
    case '1319':
      return { hilist_code: r.code, selfpay_prop_psn_type: '1', selfpay_prop_type: '1', insu_admdvs: area, ...common, selfpay_prop: formatScaled(r.selfpayProp, SCALE.ratio) };
  }
}

function pageHandler(infno: CatalogPageInfno): Handler<CatalogPageInfno> {
  return (ctx, input) => {
    const d = input.data;
    if (d.page_num < 1) refuse('页数page_num应从1开始');
    if (d.page_size < 1 || d.page_size > MAX_PAGE_SIZE) refuse(`每页数量page_size应在1到${MAX_PAGE_SIZE}之间`);
    const from = firstReleaseAfterTime(d.updt_time);
    let total: number;
    let rows: CatalogRow[];
    const code = d.hilist_code?.trim() ?? '';
    if (code !== '') {
      const r = ctx.catalog.lookup(code);
      rows = r && ctx.catalog.lastChangeRelease(r) >= from && d.page_num === 1 ? [r] : [];
      total = r && ctx.catalog.lastChangeRelease(r) >= from ? 1 : 0;
    } else {
      ({ total, rows } = ctx.catalog.pageOfChanged(from, (d.page_num - 1) * d.page_size, d.page_size));
    }
    if (d.vali_flag === '0' || d.vali_flag === '1') rows = rows.filter((r) => r.valiFlag === d.vali_flag);
    const pages = Math.ceil(total / d.page_size);
    const startRow = (d.page_num - 1) * d.page_size + 1;
    return {
      firstPage: d.page_num === 1,
      lastPage: d.page_num >= pages,
      size: rows.length,
      startRow: rows.length === 0 ? 0 : startRow,
      endRow: rows.length === 0 ? 0 : startRow + rows.length - 1,
      pageSize: d.page_size,
      pageNum: d.page_num,
      recordCounts: total,
      pages,
      data: rows.map((r) => pageRow(infno, r, ctx)),
    };
  };
}

export const catalogHandlers: HandlerMap = {
  ...Object.fromEntries(CATALOG_FILE_INFNOS.map((i) => [i, fileHandler(i)])),
  ...Object.fromEntries(CATALOG_PAGE_INFNOS.map((i) => [i, pageHandler(i)])),
};
