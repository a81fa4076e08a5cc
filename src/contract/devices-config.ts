// The `devices` section of the terminal configuration: which readers and scanners are attached
// and how, plus the keyboard-wedge thresholds. Validation messages are Chinese: IT staff see them
// in `yikatong config set` and on the settings screen. Decisions and thresholds: docs/devices.md.
import { z } from 'zod';

export const BAUD_RATES = [9600, 19200, 38400, 57600, 115200] as const;

const usbId = z.string().regex(/^(0x)?[0-9a-fA-F]{4}$/, 'USB 编号应为4位十六进制数，例如 0c2e');
const deviceId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '设备编号为1–32位小写字母、数字或 -，例如 idcard-1');
const label = z.string().trim().min(1, '请填写设备名称').max(30, '设备名称不超过30个字');
const baudRate = z
  .number()
  .int()
  .refine((b) => (BAUD_RATES as readonly number[]).includes(b), '波特率应为 9600、19200、38400、57600 或 115200');

/** Where a device is: an explicit path, or USB vendor/product ids (found wherever it is plugged in). */
const locationShape = {
  /** /dev/ttyUSB0, COM3, a hidraw path … */
  path: z.string().trim().min(1).max(260).optional(),
  vendorId: usbId.optional(),
  productId: usbId.optional(),
  serialNumber: z.string().max(64).optional(),
};
const located = (t: { path?: string | undefined; vendorId?: string | undefined; productId?: string | undefined }): boolean => Boolean(t.path || (t.vendorId && t.productId));
const LOCATION_MESSAGE = '请填写端口路径（如 /dev/ttyUSB0、COM3），或 USB 厂商编号 vendorId 和产品编号 productId';

export const SerialLocationSchema = z.object(locationShape).strict().refine(located, LOCATION_MESSAGE);
export const HidLocationSchema = z
  .object({ ...locationShape, usagePage: z.number().int().min(0).max(0xffff).optional() })
  .strict()
  .refine(located, LOCATION_MESSAGE);

export const ScannerSuffixSchema = z.union([z.enum(['CR', 'LF', 'CRLF', 'TAB', 'NONE']), z.string().regex(/^HEX:([0-9a-fA-F]{2})+$/, '后缀应为 CR、LF、CRLF、TAB、NONE 或 HEX:十六进制字节，例如 HEX:0D0A')]);

export const DeviceConfigSchema = z.discriminatedUnion('driver', [
  /** Resident ID-card reader, GA 467 SAM_V over serial. */
  z.object({
    driver: z.literal('samv'),
    id: deviceId,
    label: label.default('身份证读卡器'),
    enabled: z.boolean().default(true),
    serial: SerialLocationSchema,
    baudRate: baudRate.default(115200),
    /** Read with 30 10 (text + photo + fingerprint). */
    fingerprint: z.boolean().default(false),
    /** Pause between find-card polls. */
    pollMs: z.number().int().min(100, '寻卡间隔不少于100毫秒').max(5000, '寻卡间隔不超过5000毫秒').default(300),
  }),
  /** QR / barcode scanner in serial line mode. */
  z.object({
    driver: z.literal('qr-serial'),
    id: deviceId,
    label: label.default('扫码枪（串口）'),
    enabled: z.boolean().default(true),
    serial: SerialLocationSchema,
    baudRate: baudRate.default(9600),
    suffix: ScannerSuffixSchema.default('CR'),
    encoding: z.enum(['utf8', 'gbk']).default('utf8'),
  }),
  /** QR / barcode scanner in USB HID-POS mode (Honeywell report layout). */
  z.object({
    driver: z.literal('qr-hidpos'),
    id: deviceId,
    label: label.default('扫码枪（HID-POS）'),
    enabled: z.boolean().default(true),
    hid: HidLocationSchema,
    /** Send the feature report that switches the scanner into HID-POS mode when connecting. */
    enableHidPos: z.boolean().default(true),
  }),
  /** 社保卡 reader (issue 5 owns its options). */
  z.object({
    driver: z.literal('sscard'),
    id: deviceId,
    label: label.default('社保卡读卡器'),
    enabled: z.boolean().default(true),
    transport: z.enum(['pcsc', 'serial', 'hid', 'heasec']),
    options: z.record(z.string(), z.unknown()).default({}),
  }),
]);
export type DeviceConfig = z.infer<typeof DeviceConfigSchema>;
export type DeviceDriverName = DeviceConfig['driver'];

export const WedgeConfigSchema = z.object({
  enabled: z.boolean().default(true),
  minLength: z.number().int().min(4, '最短长度不少于4').max(64).default(8),
  maxGapMs: z.number().int().min(10).max(500, '最大按键间隔不超过500毫秒').default(60),
  maxMedianGapMs: z.number().int().min(5).max(200).default(25),
  terminators: z.array(z.enum(['Enter', 'Tab'])).max(2).default(['Enter', 'Tab']),
  allowUnterminated: z.boolean().default(true),
});

export const DEFAULT_WEDGE_CONFIG: z.infer<typeof WedgeConfigSchema> = { enabled: true, minLength: 8, maxGapMs: 60, maxMedianGapMs: 25, terminators: ['Enter', 'Tab'], allowUnterminated: true };

function isRegExp(source: string): boolean {
  try {
    new RegExp(source);
    return true;
  } catch {
    return false;
  }
}

export const DevicesConfigSchema = z.object({
  /** Discovery / hot-plug poll interval. */
  pollMs: z.number().int().min(500, '检测间隔不少于500毫秒').max(30000, '检测间隔不超过30秒').default(2000),
  readers: z
    .array(DeviceConfigSchema)
    .max(16, '最多配置16个设备')
    .default([])
    .refine((list) => new Set(list.map((d) => d.id)).size === list.length, '设备编号不能重复'),
  wedge: WedgeConfigSchema.default(DEFAULT_WEDGE_CONFIG),
  /** Regular expression a 医保电子凭证 payload must match (regional knowledge); empty: any code. */
  eVoucherPattern: z.string().max(200).refine(isRegExp, '电子凭证格式应为正则表达式').default(''),
  /** ec.query businessType; empty: 01301 门诊结算 for hospitals, 02121 药店购药 for pharmacies. */
  ecBusinessType: z.union([z.literal(''), z.string().regex(/^\d{5}$/, '业务类型应为5位数字，例如 01301')]).default(''),
});
export type DevicesConfig = z.infer<typeof DevicesConfigSchema>;

export const DEFAULT_DEVICES_CONFIG: DevicesConfig = { pollMs: 2000, readers: [], wedge: DEFAULT_WEDGE_CONFIG, eVoucherPattern: '', ecBusinessType: '' };
