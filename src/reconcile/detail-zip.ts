// The 3202 detail file goes to 9101 as a zip holding one .txt (regional practice; the hub also
// takes plain text). Zipping also means a day without settlements still uploads a non-empty file,
// which hubs require, so a settlement only the hub has is still found on such a day.
import yazl from 'yazl';
import { readAllBytes } from './result-zip';

export async function zipDetailFile(entryName: string, text: string): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  zip.addBuffer(Buffer.from(text, 'utf8'), entryName, { mtime: new Date(0), compress: true });
  zip.end();
  return readAllBytes(zip.outputStream);
}
