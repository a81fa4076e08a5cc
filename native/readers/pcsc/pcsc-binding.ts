// The slice of the `smartcard` package (PC/SC through N-API) this driver uses, loaded lazily.
//
// Why lazy: on Linux the addon links libpcsclite at load time. A machine without it must still
// start the terminal (serial readers, the national library, QR codes work without PC/SC), so the
// package is imported the first time a PC/SC reader is opened, and a failure becomes a clear error.
import { AppError } from '@src/common/errors';

export interface PcscCardHandle {
  readonly atr: Buffer | null;
  transmit(command: Buffer, options?: { maxRecvLength?: number }): Promise<Buffer>;
  getStatus(): { state: number; protocol: number; atr: Buffer };
  disconnect(disposition?: number): void;
}

export interface PcscReaderHandle {
  readonly name: string;
  readonly state: number;
  readonly atr: Buffer | null;
  connect(shareMode?: number, protocol?: number): Promise<PcscCardHandle>;
}

export interface PcscContextHandle {
  readonly isValid: boolean;
  listReaders(): PcscReaderHandle[];
  close(): void;
}

export interface PcscBinding {
  Context: new () => PcscContextHandle;
  SCARD_SHARE_SHARED: number;
  SCARD_PROTOCOL_T0: number;
  SCARD_PROTOCOL_T1: number;
  SCARD_UNPOWER_CARD: number;
  SCARD_LEAVE_CARD: number;
  SCARD_STATE_PRESENT: number;
  SCARD_STATE_MUTE: number;
}

let cached: Promise<PcscBinding> | null = null;

export function loadPcscBinding(): Promise<PcscBinding> {
  cached ??= import('smartcard').then(
    (m) => ((m as unknown as { default?: PcscBinding }).default ?? (m as unknown as PcscBinding)),
    (e: unknown) => {
      cached = null;
      throw new AppError({
        code: 'READER_PCSC_UNAVAILABLE',
        message: '本机缺少智能卡（PC/SC）支持库',
        hint: 'Linux：请信息科安装 pcscd 和 libpcsclite1（apt-get install pcscd libpcsclite1）；Windows 自带该组件，请联系信息科检查系统。',
        detail: `cannot load smartcard: ${e instanceof Error ? e.message : String(e)}`,
        cause: e,
      });
    },
  );
  return cached;
}
