// Where a scanned code goes: a drug package code to the pharmacy screen (a drugBarcode medium),
// a 医保电子凭证 payload through ec.query to an identity (an eVoucher medium), anything else back
// to the cashier as a read error. Scanners often read the same code twice in a row; a repeat
// within `repeatWindowMs` is ignored.
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import { classifyScan, type ClassifierOptions } from '@native/qr/scan-classifier';
import type { MediumInput } from './driver-context';
import type { EcResolver } from './ec-resolver';
import { drugMedium, eVoucherMedium } from './media';

const log = logger('scan-router');

export interface ScanRouterOptions {
  classifier(): ClassifierOptions;
  resolver(): EcResolver | undefined;
  /** businessType and the operator on duty (the scanning window's operator, when known), for ec.query. */
  ecContext(operator?: ScanOperator): { businessType: string; operatorId: string; operatorName: string };
  medium(deviceId: string, medium: MediumInput): void;
  readError(deviceId: string, medium: string, error: AppError): void;
  repeatWindowMs?: number;
  now?: () => number;
}

/** Who scanned: the operator signed in at the window a keyboard-wedge scan came from. */
export interface ScanOperator {
  id: string;
  name: string;
}

export class ScanRouter {
  private last: { code: string; at: number } | undefined;

  constructor(private readonly options: ScanRouterOptions) {}

  /** Resolves when the scan has been handled (e-vouchers wait for the hub). Never rejects. */
  async route(deviceId: string, text: string, operator?: ScanOperator): Promise<void> {
    const now = (this.options.now ?? Date.now)();
    if (this.last && this.last.code === text && now - this.last.at < (this.options.repeatWindowMs ?? 1500)) {
      log.debug({ deviceId }, 'repeated scan ignored');
      return;
    }
    this.last = { code: text, at: now };
    const c = classifyScan(text, this.options.classifier());
    try {
      if (c.kind === 'drug') {
        this.options.medium(deviceId, drugMedium(c));
      } else if (c.kind === 'eVoucher') {
        await this.resolve(deviceId, c.payload, operator);
      } else {
        this.options.readError(deviceId, 'barcode', new AppError({ code: 'SCAN_UNRECOGNISED', message: c.message, hint: c.hint, detail: `unrecognised code of ${c.code.length} characters` }));
      }
    } catch (e) {
      log.error({ err: e, deviceId }, 'routing a scan failed');
    }
  }

  private async resolve(deviceId: string, payload: string, operator: ScanOperator | undefined): Promise<void> {
    const resolver = this.options.resolver();
    if (!resolver) {
      this.options.readError(deviceId, 'eVoucher', new AppError({ code: 'EC_UNAVAILABLE', message: '暂时无法识别医保电子凭证', hint: '电子凭证需要连接医保中心解码：请稍后重试，或改用身份证、社保卡。' }));
      return;
    }
    try {
      const resolution = await resolver.resolveEVoucher({ payload, ...this.options.ecContext(operator) });
      this.options.medium(deviceId, eVoucherMedium(resolution));
    } catch (e) {
      const error =
        e instanceof AppError
          ? e
          : new AppError({ code: 'EC_QUERY_FAILED', message: '医保电子凭证识别失败', hint: '请让患者刷新电子凭证后重新扫码，或改用身份证、社保卡。', cause: e });
      if (!(e instanceof AppError)) log.error({ err: e }, 'ec.query failed unexpectedly');
      this.options.readError(deviceId, 'eVoucher', error);
    }
  }
}
