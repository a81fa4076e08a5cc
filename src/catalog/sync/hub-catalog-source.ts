// Catalogue files from the hub (services.hub, docs/hub-client.md): 13xx with `ver` = the local
// version prepares a file of newer rows and answers its file_qury_no and row count (data_cnt);
// 9102 streams it. Calls are made as the terminal itself (no operator), like any system call.
//
// A full download sends ver "0": the interface does not say what the first ver is [uncertain,
// interface.md §2]; the training hub, like the public implementations, returns every row for "0".
import type { Readable } from 'node:stream';
import { Budget } from '@src/hub/budget';
import type { Hub } from '@src/hub/hub';
import { CATALOG_DOWNLOAD_FILENAME } from '@src/hub/protocol/transactions/catalog';
import type { CatalogInfno } from '../catalog-kinds';
import type { CatalogSource, PreparedFile } from './catalog-source';

/** A catalogue file can take minutes over a slow line; the client's idle timeout still catches a stalled one. */
const CATALOG_CALL_MS = 120_000;
export const FIRST_VERSION = '0';

export class HubCatalogSource implements CatalogSource {
  constructor(
    private readonly hub: Pick<Hub, 'catalogFile' | 'download'>,
    private readonly fixmedinsCode: () => string,
  ) {}

  async prepare(infno: CatalogInfno, version: string): Promise<PreparedFile> {
    const r = await this.hub.catalogFile(infno, version === '' ? FIRST_VERSION : version, { budget: Budget.start(CATALOG_CALL_MS) });
    return { fileQueryNo: r.output.file_qury_no, filename: r.output.filename, rows: r.output.data_cnt ?? null };
  }

  async download(_infno: CatalogInfno, file: PreparedFile): Promise<Readable> {
    const d = await this.hub.download({ fsDownloadIn: { file_qury_no: file.fileQueryNo, filename: CATALOG_DOWNLOAD_FILENAME, fixmedins_code: this.fixmedinsCode() } }, { budget: Budget.start(CATALOG_CALL_MS) });
    return d.stream as Readable;
  }
}
