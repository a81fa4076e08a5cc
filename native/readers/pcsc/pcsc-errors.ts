// PC/SC failures as the shared reader errors. The `smartcard` addon rejects with plain Errors
// whose message is pcsc-lite's/WinSCard's text for the SCARD_* code, so the mapping is by text.
import { AppError } from '@src/common/errors';
import { cardMute, cardNotPowered, cardRemoved, noCard, pcscServiceDown, readerBusy, readerDisconnected, readerNotFound, readerProtocolError, readerTimeout } from '../reader-errors';
import type { SlotId } from '../slots';

export function pcscError(e: unknown, reader: string, slot: SlotId): AppError {
  if (e instanceof AppError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const detail = `PC/SC ${reader}: ${message}`;
  if (/No smart card present/i.test(message)) return noCard(slot, detail);
  if (/Card was removed/i.test(message)) return cardRemoved(slot, detail);
  if (/unresponsive|not supported|Invalid ATR|Protocol mismatch/i.test(message)) return cardMute(slot, detail);
  if (/unpowered|not connected/i.test(message)) return cardNotPowered(slot);
  // Another program reset the card or holds it exclusively (a vendor's control in the background).
  if (/Sharing violation|Card was reset/i.test(message)) return readerBusy(reader, detail);
  if (/service not running|service stopped|No service/i.test(message)) return pcscServiceDown(detail);
  if (/Unknown reader/i.test(message)) return readerNotFound(reader, detail);
  if (/Reader unavailable|No readers available|Invalid handle/i.test(message)) return readerDisconnected(reader, detail);
  if (/timed out|Communication error/i.test(message)) return readerTimeout(reader, detail);
  return readerProtocolError(reader, detail);
}
