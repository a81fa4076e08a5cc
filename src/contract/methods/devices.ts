// Devices: readers and scanners, the media they identify, hot-plug, and training-mode helpers.
//
// A patient medium (ID card, 医保电子凭证, 社保卡) or a drug barcode reaches the screens as one
// `devices.medium` event, whatever device read it; each medium carries the mdtrt_cert_type and
// mdtrt_cert_no that 1101 needs, so the settlement screens never care which reader was used.
import { z } from 'zod';
import { Empty, method, Ok } from '../define';
import { DeviceStateSchema } from './system';

const iso = z.string();

export const DeviceInfoSchema = z.object({
  id: z.string(),
  label: z.string(),
  /** 'idcard' | 'qr' | 'sscard' | 'wedge' */
  kind: z.string(),
  /** Driver name from the configuration: samv, qr-serial, qr-hidpos, sscard, wedge, training-… */
  driver: z.string(),
  state: DeviceStateSchema,
  message: z.string().optional(),
  hint: z.string().optional(),
  path: z.string().optional(),
  since: iso,
  reconnects: z.number().int(),
  /** The last thing this device read (no patient data: the medium kind and a masked summary). */
  lastRead: z.object({ at: iso, summary: z.string() }).optional(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const HotplugEntrySchema = z.object({
  at: iso,
  change: z.enum(['attached', 'detached']),
  bus: z.string(),
  path: z.string(),
  /** Hex, 4 digits. */
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  product: z.string().optional(),
});
export type HotplugEntry = z.infer<typeof HotplugEntrySchema>;

export const DiscoveredDeviceSchema = z.object({
  bus: z.string(),
  path: z.string(),
  vendorId: z.string().optional(),
  productId: z.string().optional(),
  manufacturer: z.string().optional(),
  product: z.string().optional(),
  usagePage: z.number().int().optional(),
});

export const IdCardSchema = z.object({
  name: z.string(),
  /** 1 男, 2 女, 0 未知, 9 未说明 */
  gender: z.string(),
  /** 01 汉 … */
  nation: z.string(),
  birthDate: z.string(),
  address: z.string(),
  idNumber: z.string(),
  authority: z.string(),
  validFrom: z.string(),
  /** YYYY-MM-DD or 长期 */
  validTo: z.string(),
  /** The photo as a BMP, only when a licensed WLT decoder is installed. */
  photoBmpBase64: z.string().optional(),
});
export type IdCard = z.infer<typeof IdCardSchema>;

/** The 社保卡 data (issue 5, native/sscard/sscard-data.ts). */
export const SsCardSchema = z.object({
  cardIdCode: z.string(),
  cardType: z.string().nullable(),
  specVersion: z.string(),
  issuer: z.string().nullable(),
  issueDate: z.string(),
  expiryDate: z.string(),
  cardNumber: z.string(),
  ssn: z.string(),
  name: z.string(),
  gender: z.string().nullable(),
  nation: z.string().nullable(),
  birthPlace: z.string().nullable(),
  birthDate: z.string().nullable(),
});

export const EVoucherIdentitySchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  /** 01 居民身份证 … */
  idType: z.string(),
  /** 参保地医保区划 (insuOrg) */
  insuredArea: z.string(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
});

const mediumBase = { deviceId: z.string(), at: iso };

export const MediumSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('idCard'), ...mediumBase, idCard: IdCardSchema, mdtrtCertType: z.literal('02'), mdtrtCertNo: z.string() }),
  z.object({ kind: z.literal('eVoucher'), ...mediumBase, ecToken: z.string(), identity: EVoucherIdentitySchema, mdtrtCertType: z.literal('01'), mdtrtCertNo: z.string() }),
  z.object({ kind: z.literal('ssCard'), ...mediumBase, card: SsCardSchema, mdtrtCertType: z.literal('03'), mdtrtCertNo: z.string(), cardSn: z.string() }),
  z.object({
    kind: z.literal('drugBarcode'),
    ...mediumBase,
    code: z.string(),
    symbology: z.enum(['ean13', 'ean8', 'upca', 'gtin14', 'gs1', 'drugTrace']),
    gtin: z.string().optional(),
    batch: z.string().optional(),
    expiry: z.string().optional(),
    serial: z.string().optional(),
  }),
]);
export type Medium = z.infer<typeof MediumSchema>;

export const ReadErrorSchema = z.object({
  deviceId: z.string(),
  /** What was being read: 'idCard' | 'eVoucher' | 'ssCard' | 'barcode' */
  medium: z.string(),
  at: iso,
  code: z.string(),
  message: z.string(),
  hint: z.string().optional(),
});

export const WedgeKeyEventSchema = z.object({ key: z.string().min(1).max(16), t: z.number().finite() });

export const TrainingPatientRowSchema = z.object({
  name: z.string(),
  idNumber: z.string(),
  gender: z.string(),
  insuredArea: z.string(),
  insutype: z.string(),
  /** Which media the training patient carries. */
  media: z.array(z.enum(['idCard', 'eVoucher', 'ssCard'])),
});

const trainingOnly = ['cashier', 'pharmacist', 'it_admin'] as const;

export const devicesMethods = {
  'devices.list': method({
    summary: 'Configured devices with status, what discovery sees, and the hot-plug log',
    input: Empty,
    output: z.object({ devices: z.array(DeviceInfoSchema), discovered: z.array(DiscoveredDeviceSchema), hotplug: z.array(HotplugEntrySchema), training: z.boolean() }),
    access: 'signedIn',
  }),
  'devices.reconnect': method({
    summary: 'Drop and reopen one device now',
    input: z.object({ id: z.string().min(1, '请选择设备').max(64) }).strict(),
    output: DeviceInfoSchema,
    access: 'signedIn',
  }),
  'devices.wedgeInput': method({
    summary: 'Key events captured by the renderer; the host tells scanner input from typing and handles scans',
    input: z.object({ events: z.array(WedgeKeyEventSchema).max(2048, '一次转发的按键过多'), flush: z.boolean().default(false) }).strict(),
    output: z.object({ results: z.array(z.object({ kind: z.enum(['scan', 'typing']), length: z.number().int() })) }),
    access: 'signedIn',
  }),
  'devices.trainingPatients': method({
    summary: 'Training mode: the training patients whose media can be placed on the virtual devices, and sample drug codes',
    input: Empty,
    output: z.object({ patients: z.array(TrainingPatientRowSchema), drugCodes: z.array(z.object({ code: z.string(), name: z.string() })), placed: z.object({ idCard: z.string().optional(), ssCard: z.string().optional() }) }),
    access: trainingOnly,
  }),
  'devices.placeTrainingCard': method({
    summary: "Training mode: place a training patient's card on the virtual reader",
    input: z.object({ idNumber: z.string().min(1, '请选择培训患者').max(18), medium: z.enum(['idCard', 'ssCard']).default('idCard') }).strict(),
    output: Ok,
    access: trainingOnly,
  }),
  'devices.removeTrainingCard': method({
    summary: 'Training mode: take the card off the virtual reader',
    input: z.object({ medium: z.enum(['idCard', 'ssCard']).default('idCard') }).strict(),
    output: Ok,
    access: trainingOnly,
  }),
  'devices.showTrainingCode': method({
    summary: "Training mode: show a training patient's e-voucher QR code, or any code (a drug barcode), to the virtual scanner",
    input: z
      .object({ idNumber: z.string().max(18).optional(), code: z.string().min(1).max(512).optional() })
      .strict()
      .refine((v) => Boolean(v.idNumber) !== Boolean(v.code), '请选择培训患者，或填写要扫描的条码（二选一）'),
    output: Ok,
    access: trainingOnly,
  }),
};

export const devicesEvents = {
  /** Every device's status (the device screen; the status bar gets its part through status.changed). */
  'devices.status': z.object({ devices: z.array(DeviceInfoSchema) }),
  /** A device appeared or vanished on a bus. */
  'devices.hotplug': HotplugEntrySchema,
  /** An identified patient medium, or a drug barcode for the pharmacy screen. */
  'devices.medium': MediumSchema,
  /** A read failed: show the message and hint to the cashier. */
  'devices.readError': ReadErrorSchema,
};
