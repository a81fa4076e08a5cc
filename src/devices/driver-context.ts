// What a device driver may do with what it reads: report a medium, a failed read, or a scan.
// The device service implements it (stamping device id and time, resolving e-vouchers), so a
// driver — including the 社保卡 drivers of issue 5 — never touches events or the hub.
import type { AppError } from '@src/common/errors';
import type { Medium } from '@src/contract/methods/devices';
import type { IdCardData } from '@native/idcard/id-card';
import type { ScanEvent } from '@native/qr/scanner';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A medium as a driver reports it; the service adds deviceId and the time. */
export type MediumInput = DistributiveOmit<Medium, 'deviceId' | 'at'>;

export interface DriverContext {
  /** An identified medium (社保卡 drivers report { kind: 'ssCard', … } here). */
  medium(deviceId: string, medium: MediumInput): void;
  /** A resident ID card was read. */
  idCard(deviceId: string, card: IdCardData): void;
  /** A scanner read a code: classified, then routed (e-voucher → ec.query, drug code → pharmacy). */
  scan(deviceId: string, scan: ScanEvent): void;
  /** A read failed; the cashier sees the message and hint. */
  readError(deviceId: string, medium: string, error: AppError): void;
}
