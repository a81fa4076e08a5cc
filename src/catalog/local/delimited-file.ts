// Reads the TSV or CSV file an IT admin exports from the hospital's HIS or a spreadsheet.
//
// Excel on Chinese Windows saves CSV in GB18030 (GBK) and may quote fields; HIS exports are
// often TAB-separated UTF-8 with a BOM. So: UTF-8 unless the bytes are not valid UTF-8 (then
// GB18030); TAB-separated when the header line has a TAB, else comma-separated with RFC 4180
// quoting ("a,b", "say ""hi"""). Columns are found by name (aliases per import, Chinese or the
// interface's field names).
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { AppError } from '@src/common/errors';

export interface DelimitedRow {
  /** 1-based line number of the row's first line in the file. */
  line: number;
  fields: string[];
}

export interface DelimitedFile {
  header: string[];
  rows: DelimitedRow[];
}

export function decodeText(bytes: Buffer): string {
  let utf8 = true;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    utf8 = false;
  }
  const text = utf8 ? bytes.toString('utf8') : iconv.decode(bytes, 'gb18030');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Splits CSV text into records (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      rows.push({ line: rowLine, fields });
      fields = [];
      field = '';
      line++;
      rowLine = line;
    } else field += c;
  }
  if (quoted) throw new AppError({ code: 'CATALOG_IMPORT_FORMAT', message: `第 ${rowLine} 行的引号没有闭合`, hint: '请用表格软件重新另存为 CSV，或改用制表符分隔的文本文件。' });
  if (field !== '' || fields.length > 0) {
    fields.push(field);
    rows.push({ line: rowLine, fields });
  }
  return rows;
}

export function parseDelimited(text: string): DelimitedFile {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const rows = firstLine.includes('\t')
    ? text.split(/\r?\n/).map((l, i) => ({ line: i + 1, fields: l.split('\t') }))
    : parseCsv(text);
  const nonBlank = rows.filter((r) => r.fields.some((f) => f.trim() !== ''));
  const [header, ...data] = nonBlank;
  if (!header) throw new AppError({ code: 'CATALOG_IMPORT_EMPTY', message: '文件是空的', hint: '请确认选择了正确的导出文件。' });
  return { header: header.fields.map((h) => h.trim().toLowerCase()), rows: data.map((r) => ({ line: r.line, fields: r.fields.map((f) => f.trim()) })) };
}

export function readDelimitedFile(file: string): DelimitedFile {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new AppError({ code: 'CATALOG_IMPORT_UNREADABLE', message: `无法读取文件 ${file}`, hint: '请检查文件路径和权限。', detail: String((e as Error).message), cause: e });
  }
  return parseDelimited(decodeText(bytes));
}

/** Index of the first header matching one of the aliases; throws a clear error for a required column. */
export function columnOf(header: string[], aliases: readonly string[], required: { label: string } | undefined): number {
  const i = header.findIndex((h) => aliases.includes(h));
  if (i < 0 && required) {
    throw new AppError({
      code: 'CATALOG_IMPORT_FORMAT',
      message: `文件缺少“${required.label}”列`,
      hint: `首行应为列名；“${required.label}”列可写作：${aliases.join('、')}。`,
    });
  }
  return i;
}
