// The terminal's configuration: one validated document, stored in the terminal database.
//
// Every section has defaults, so a section added by a later feature never invalidates a stored
// configuration. Validation messages are in Chinese because IT staff read them on the settings
// screen and in `yikatong config set`.
import { z } from 'zod';
import { DEFAULT_DEVICES_CONFIG, DevicesConfigSchema } from './devices-config';

export const SECRET_MASK = '********';

const fixmedinsCode = z
  .string()
  .regex(/^[A-Z]\d{11}$/, '定点医药机构编号应为1位大写字母加11位数字，例如 H31010100001（医院）或 P31010100001（药店）');
const admdvs = z.string().regex(/^\d{6}$/, '医保区划应为6位数字，例如 310000');

export const GatewaySchema = z.discriminatedUnion('scheme', [
  z.object({ scheme: z.literal('none') }),
  // National gateway: x-tif-paasid / x-tif-timestamp / x-tif-nonce / x-tif-signature headers.
  z.object({
    scheme: z.literal('tif'),
    paasId: z.string().min(1, '请填写 paasid').max(64),
    paasToken: z.string().min(1, '请填写 paas token').max(256),
  }),
  // Jiangsu CSB: _api_* query parameters signed with HMAC-SHA1.
  z.object({
    scheme: z.literal('csb'),
    apiName: z.string().min(1).max(128),
    apiVersion: z.string().min(1).max(16),
    accessKey: z.string().min(1, '请填写 access key').max(128),
    secretKey: z.string().min(1, '请填写 secret key').max(256),
  }),
]);
export type GatewayConfig = z.infer<typeof GatewaySchema>;

export const TerminalConfigSchema = z.object({
  institution: z
    .object({
      code: fixmedinsCode,
      name: z.string().trim().min(2, '机构名称至少2个字').max(100, '机构名称不超过100个字'),
      kind: z.enum(['hospital', 'pharmacy']),
      /** 医院等级 1/2/3 (一级/二级/三级); pharmacies have none. */
      level: z.enum(['1', '2', '3']).optional(),
    })
    .default({ code: 'H31010100001', name: '上海市训练示范医院', kind: 'hospital', level: '3' }),
  /** 就医地医保区划 (mdtrtarea_admvs): the institution's own region. */
  mdtrtareaAdmvs: admdvs.default('310000'),
  hub: z
    .object({
      url: z.string().url('中心地址应为完整网址，例如 https://hsa.example.gov.cn/fsi/api/rsfComIfsService/callService'),
      recerSysCode: z.string().min(1).max(10, '接收方系统代码不超过10位').default('YBXT'),
      infver: z.string().min(1).max(6, '接口版本号不超过6位').default('V1.0'),
      signtype: z.string().max(10).default(''),
      cainfo: z.string().max(1024).default(''),
      gateway: GatewaySchema.default({ scheme: 'none' }),
      /** 医保电子凭证 (ec.query) endpoint; default: the hub URL's origin + /localcfc/api/hsecfc/localQrCodeQuery. */
      ecUrl: z.string().url('电子凭证地址应为完整网址').optional(),
    })
    .default({ url: 'http://127.0.0.1:0/fsi/api/rsfComIfsService/callService', recerSysCode: 'YBXT', infver: 'V1.0', signtype: '', cainfo: '', gateway: { scheme: 'none' } }),
  timeouts: z
    .object({
      /** Whole settlement (person → register → upload → pre-settle → settle). */
      settlementBudgetMs: z.number().int().min(2000, '结算总时限不少于2秒').max(60000, '结算总时限不超过60秒').default(10000),
      /** One hub call, when no budget applies. */
      callTimeoutMs: z.number().int().min(500).max(120000).default(8000),
      /** Interval of the hub reachability probe. */
      probeIntervalMs: z.number().int().min(1000).max(600000).default(15000),
    })
    .default({ settlementBudgetMs: 10000, callTimeoutMs: 8000, probeIntervalMs: 15000 }),
  terminal: z
    .object({
      terminalId: z.string().trim().min(1, '请填写终端编号').max(30).default('T01'),
      /** dev_no in the envelope. */
      devNo: z.string().max(100).default(''),
      mac: z.string().max(20).default(''),
      ip: z.string().max(20).default('127.0.0.1'),
      /**
       * The first two digits of the msgid's 4-digit sequence, unique per terminal of one institution
       * (they share the fixmedins_code prefix). Default: derived from terminalId (docs/hub-client.md).
       */
      msgidSlot: z.number().int().min(0, '报文号终端位为0–99').max(99, '报文号终端位为0–99').optional(),
    })
    .default({ terminalId: 'T01', devNo: '', mac: '', ip: '127.0.0.1' }),
  security: z
    .object({
      idleLockMinutes: z.number().int().min(1, '空闲锁屏时间至少1分钟').max(120).default(5),
      maxFailedLogins: z.number().int().min(3).max(20).default(5),
      lockoutMinutes: z.number().int().min(1).max(1440).default(15),
    })
    .default({ idleLockMinutes: 5, maxFailedLogins: 5, lockoutMinutes: 15 }),
  ui: z.object({ locale: z.enum(['zh-CN', 'en']).default('zh-CN') }).default({ locale: 'zh-CN' }),
  /** Receipt printing (docs/settlement.md, "Receipts"): silent printing in Electron. */
  printing: z
    .object({
      /** Printer name as the OS lists it; '' = the system default. */
      printer: z.string().max(200).default(''),
      paper: z.enum(['58mm', '80mm', 'A5']).default('80mm'),
      copies: z.number().int().min(1, '份数为1–5').max(5, '份数为1–5').default(1),
    })
    .default({ printer: '', paper: '80mm', copies: 1 }),
  /** Readers and scanners (src/contract/devices-config.ts, docs/devices.md). */
  devices: DevicesConfigSchema.default(DEFAULT_DEVICES_CONFIG),
});

export type TerminalConfig = z.infer<typeof TerminalConfigSchema>;

/** A partial update: any subset of sections and fields. Validated by merging, then parsing the whole. */
export const ConfigPatchSchema = z.record(z.string(), z.unknown());
export type ConfigPatch = Record<string, unknown>;

/** Dotted paths of values that are secrets: shown masked, kept when the mask is sent back. */
export const SECRET_PATHS = ['hub.gateway.paasToken', 'hub.gateway.secretKey'] as const;
