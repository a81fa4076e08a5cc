// Where catalogue files come from. The app uses the hub (hub-catalog-source.ts: 13xx asks for
// the rows newer than a version, 9102 downloads the zip); tests and the benchmark use the
// training catalogue directly. The sync needs nothing else from the hub.
import type { Readable } from 'node:stream';
import type { CatalogInfno } from '../catalog-kinds';

export interface PreparedFile {
  /** file_qury_no, passed to the download. */
  fileQueryNo: string;
  filename: string;
  /** Rows the hub says the file holds (data_cnt), when it says. */
  rows: number | null;
}

export interface CatalogSource {
  /** Called when a sync ends, however it ends (the hub source, which signs the terminal in at its first request, signs out). */
  close?(): Promise<void>;
  /** Asks for a file of the catalogue's rows newer than `version` ('' = all rows). */
  prepare(infno: CatalogInfno, version: string, signal?: AbortSignal): Promise<PreparedFile>;
  /** The prepared file's bytes (a zip). */
  download(infno: CatalogInfno, file: PreparedFile, signal?: AbortSignal): Promise<Readable>;
}
