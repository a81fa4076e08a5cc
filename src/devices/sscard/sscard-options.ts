// The `options` of a 社保卡 reader in the device configuration, one shape per transport. The
// device configuration (src/contract/devices-config.ts) keeps them as an open record, so they are
// checked here, with Chinese messages IT staff see in `yikatong config set` and on the device screen.
//
//   pcsc   { reader, psamReader?, contactlessReader? }   composite readers find their PSAM themselves
//   serial { serial: {path | vendorId+productId}, baudRate, dialect }
//   hid    { hid: {path | vendorId+productId}, dialect, reportSize, outputReportId }
//   heasec { path?, init, encoding, callingConvention, timeoutMs }
// plus, for the APDU readers, cardSlot / psamSlot / pollMs.
import { z } from 'zod';
import { AppError } from '@src/common/errors';
import { BAUD_RATES, HidLocationSchema, SerialLocationSchema } from '@src/contract/devices-config';
import { DEFAULT_DIALECT_ID, READER_DIALECTS } from '@native/readers/dialect/dialects';

export const SSCARD_TRANSPORTS = ['pcsc', 'serial', 'hid', 'heasec'] as const;
export type SscardTransport = (typeof SSCARD_TRANSPORTS)[number];

const apduCommon = {
  /** Where the patient's card goes: the contact slot, or the contactless field (3rd-gen cards). */
  cardSlot: z.enum(['contact', 'contactless'], { message: '卡座应为 contact（接触）或 contactless（非接触）' }).default('contact'),
  /** The PSAM socket; null when the counter has no PSAM (3.00 cards then cannot be read). */
  psamSlot: z.enum(['psam1', 'psam2', 'psam3', 'psam4'], { message: 'PSAM 卡座应为 psam1–psam4 或 null' }).nullable().default('psam1'),
  pollMs: z.number().int().min(100, '检测间隔不少于100毫秒').max(5000, '检测间隔不超过5000毫秒').default(400),
};

const dialect = z
  .string()
  .refine((id) => id in READER_DIALECTS, { message: `读卡器通讯协议应为：${Object.keys(READER_DIALECTS).join('、')}` })
  .default(DEFAULT_DIALECT_ID);

const baudRate = z
  .number()
  .int()
  .refine((b) => (BAUD_RATES as readonly number[]).includes(b), '波特率应为 9600、19200、38400、57600 或 115200')
  .default(115200);

export const PcscSscardOptionsSchema = z
  .object({
    reader: z.string().trim().min(1, '请填写 PC/SC 读卡器名称（或其中一段，yikatong devices list 可列出）'),
    /** Explicit PSAM reader; null: none; absent: the composite reader's SAM interface. */
    psamReader: z.string().trim().min(1).nullable().optional(),
    contactlessReader: z.string().trim().min(1).nullable().optional(),
    ...apduCommon,
  })
  .strict();

export const SerialSscardOptionsSchema = z.object({ serial: SerialLocationSchema, baudRate, dialect, ...apduCommon }).strict();

export const HidSscardOptionsSchema = z
  .object({
    hid: HidLocationSchema,
    dialect,
    reportSize: z.number().int().min(8, 'HID 报告长度不少于8字节').max(1024).default(64),
    outputReportId: z.number().int().min(0).max(255).default(0),
    ...apduCommon,
  })
  .strict();

export const HeasecSscardOptionsSchema = z
  .object({
    /** Library path; absent: the usual install places (heasec-library.ts). */
    path: z.string().trim().min(1).max(260).optional(),
    /** Init JSON (IP, PORT, TIMEOUT, LOG_PATH, EC_URL, CARD_PASSTYPE, AREA_CODE …) as the vendor documents it. */
    init: z.record(z.string(), z.unknown()).default({}),
    encoding: z.enum(['auto', 'gbk', 'utf8']).default('auto'),
    callingConvention: z.enum(['stdcall', 'cdecl']).default('stdcall'),
    timeoutMs: z.number().int().min(1000, '超时不少于1秒').max(120_000, '超时不超过120秒').default(20_000),
    pollMs: z.number().int().min(300, '检测间隔不少于300毫秒').max(10_000).default(1000),
  })
  .strict();

export type PcscSscardOptions = z.infer<typeof PcscSscardOptionsSchema>;
export type SerialSscardOptions = z.infer<typeof SerialSscardOptionsSchema>;
export type HidSscardOptions = z.infer<typeof HidSscardOptionsSchema>;
export type HeasecSscardOptions = z.infer<typeof HeasecSscardOptionsSchema>;

export type SscardReaderSettings =
  | { transport: 'pcsc'; options: PcscSscardOptions }
  | { transport: 'serial'; options: SerialSscardOptions }
  | { transport: 'hid'; options: HidSscardOptions }
  | { transport: 'heasec'; options: HeasecSscardOptions };

const SCHEMAS = { pcsc: PcscSscardOptionsSchema, serial: SerialSscardOptionsSchema, hid: HidSscardOptionsSchema, heasec: HeasecSscardOptionsSchema } as const;

/** Checks a reader's options for its transport; the first problem becomes a Chinese AppError. */
export function parseSscardSettings(transport: string, options: unknown): SscardReaderSettings {
  if (!(SSCARD_TRANSPORTS as readonly string[]).includes(transport)) {
    throw new AppError({ code: 'SSCARD_CONFIG_INVALID', message: `不支持的社保卡读卡器连接方式"${transport}"`, hint: `可用：${SSCARD_TRANSPORTS.join('、')}。`, detail: `transport ${transport}` });
  }
  const t = transport as SscardTransport;
  const parsed = SCHEMAS[t].safeParse(options ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `（${issue.path.join('.')}）` : '';
    throw new AppError({
      code: 'SSCARD_CONFIG_INVALID',
      message: `社保卡读卡器配置有误${where}：${issue?.message ?? '格式不正确'}`,
      hint: '请在"设置 → 设备"或用 yikatong config set 修改该读卡器的 options。',
      detail: parsed.error.message.slice(0, 500),
    });
  }
  return { transport: t, options: parsed.data } as SscardReaderSettings;
}

export interface SscardOptionsByTransport {
  pcsc: PcscSscardOptions;
  serial: SerialSscardOptions;
  hid: HidSscardOptions;
  heasec: HeasecSscardOptions;
}

/** parseSscardSettings for a transport known in advance, typed by it. */
export function parseSscardOptions<T extends SscardTransport>(transport: T, options: unknown): SscardOptionsByTransport[T] {
  return parseSscardSettings(transport, options).options as SscardOptionsByTransport[T];
}
