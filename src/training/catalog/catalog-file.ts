// The catalogue file of one download: TAB-separated UTF-8 text in a zip.
//
// Layout (docs/training-hub.md, "Catalogue files"): the first line is the header (column names),
// then one row per line, national code first, version last; rows ordered by version so the last
// row's version is the download's newest.
import type { Readable } from 'node:stream';
import { catalogKind, type CatalogInfno } from './catalog-kinds';
import { formatRow, headerLine } from './catalog-row';
import type { TrainingCatalog } from './training-catalog';
import { zipTextStream, type ZipTextOptions } from './zip-text';

/** Name of the text entry inside the zip. */
export function catalogEntryName(infno: CatalogInfno, ver: string): string {
  const v = /^\d{14}$/.test(ver.trim()) ? ver.trim() : '0';
  return `${infno}_${v}.txt`;
}

/** Header line and rows of one download. */
export function* catalogLines(catalog: TrainingCatalog, infno: CatalogInfno, ver: string): Generator<string> {
  const shape = catalogKind(infno).shape;
  yield headerLine(shape);
  for (const row of catalog.rowsAfter(infno, ver)) yield formatRow(row, shape);
}

/** The zip of one download, streamed. */
export function catalogZipStream(catalog: TrainingCatalog, infno: CatalogInfno, ver: string, options: ZipTextOptions = {}): Readable {
  return zipTextStream(catalogEntryName(infno, ver), catalogLines(catalog, infno, ver), options);
}
