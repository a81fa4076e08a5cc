// `yikatong devices read --driver sscard --transport pcsc|serial|hid|heasec [--reader NAME | --port PATH]`:
// opens the reader, waits up to --wait seconds for a card, reads it once, prints the 13 card
// fields {cardIdCode, cardType, specVersion, issuer, issueDate, expiryDate, cardNumber, ssn, name,
// gender, nation, birthPlace, birthDate} and closes everything again.
import { AppError, isAppError } from '@src/common/errors';
import { genderName, nationName } from '@native/idcard/nations';
import { listPcscReaders } from '@native/readers/pcsc/pcsc-reader';
import { roleOfReaderName } from '@native/readers/pcsc/pcsc-composite';
import { SSCARD_PRINTED_FIELDS, type SscardData, type SscardRead } from '@native/sscard/sscard-data';
import type { SscardSource } from '@native/sscard/sscard-source';
import { HidReportTransport } from '@native/transport/hid-transport';
import { SerialByteTransport } from '@native/transport/serial-transport';
import type { ReadDriver, ReadDriverArgs } from '../read-drivers';
import { parseSscardOptions, SSCARD_TRANSPORTS } from './sscard-options';
import { heasecSscardSource, hidSscardSource, pcscSscardSource, serialSscardSource } from './sscard-sources';

function usage(message: string, hint: string): AppError {
  return new AppError({ code: 'CLI_BAD_ARGUMENT', message, hint });
}

function text(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}

/** With no --reader, the first PC/SC reader that is a card slot (not a SAM or NFC interface). */
async function defaultPcscReader(slot: 'contact' | 'contactless'): Promise<string> {
  const readers = await listPcscReaders();
  const pick = readers.find((r) => roleOfReaderName(r.name) === slot) ?? readers.find((r) => roleOfReaderName(r.name) !== 'psam' && roleOfReaderName(r.name) !== 'other');
  if (!pick) throw usage('本机没有找到 PC/SC 读卡器', '请插好读卡器后用 yikatong devices list 查看读卡器名称，再用 --reader 指定。');
  return pick.name;
}

/** Builds the source the arguments describe (not yet opened). */
export async function sourceFromArgs(args: ReadDriverArgs): Promise<SscardSource> {
  const transport = text(args.transport);
  if (!transport) throw usage('请用 --transport 指定社保卡读卡器的连接方式', `可用：${SSCARD_TRANSPORTS.join('、')}；例如 --transport pcsc --reader "ACS ACR39U"。`);
  const common = {
    ...(text(args.slot) ? { cardSlot: text(args.slot) } : {}),
    ...(args.psamSlot === 'none' ? { psamSlot: null } : text(args.psamSlot) ? { psamSlot: text(args.psamSlot) } : {}),
  };
  switch (transport) {
    case 'pcsc': {
      const reader = text(args.reader) ?? (await defaultPcscReader(common.cardSlot === 'contactless' ? 'contactless' : 'contact'));
      const psamReader = text(args.psamReader);
      return pcscSscardSource(parseSscardOptions('pcsc', { reader, ...(psamReader ? { psamReader: psamReader === 'none' ? null : psamReader } : {}), ...common }));
    }
    case 'serial': {
      const port = text(args.port);
      if (!port) throw usage('请用 --port 指定社保卡读卡器的串口', '例如 --port /dev/ttyUSB0 或 --port COM3；yikatong devices list 可列出本机串口。');
      const options = parseSscardOptions('serial', { serial: { path: port }, ...(args.baud !== undefined ? { baudRate: args.baud } : {}), ...(text(args.dialect) ? { dialect: text(args.dialect) } : {}), ...common });
      return serialSscardSource(new SerialByteTransport({ path: port, baudRate: options.baudRate }), options);
    }
    case 'hid': {
      const path = text(args.reader) ?? text(args.port);
      if (!path) throw usage('请用 --reader 指定 HID 读卡器的设备路径', '例如 --reader /dev/hidraw3；yikatong devices list 可列出 HID 设备。');
      const options = parseSscardOptions('hid', { hid: { path }, ...(text(args.dialect) ? { dialect: text(args.dialect) } : {}), ...common });
      return hidSscardSource(new HidReportTransport({ path, reportSize: options.reportSize }), options);
    }
    case 'heasec': {
      return heasecSscardSource(parseSscardOptions('heasec', { ...(text(args.library) ? { path: text(args.library) } : {}) }));
    }
    default:
      throw usage(`不支持的连接方式"${transport}"`, `可用：${SSCARD_TRANSPORTS.join('、')}。`);
  }
}

/** Waits for a card (APDU readers can tell; the library is simply asked again), then reads once. */
export async function readOnce(source: SscardSource, waitSeconds: number): Promise<SscardRead> {
  const deadline = Date.now() + waitSeconds * 1000;
  await source.open();
  try {
    for (;;) {
      const present = source.cardPresent ? await source.cardPresent() : true;
      if (present || Date.now() >= deadline) {
        try {
          return await source.read();
        } catch (e) {
          if (!(isAppError(e) && e.code === 'READER_NO_CARD' && Date.now() < deadline)) throw e;
        }
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await source.close().catch(() => undefined);
  }
}

export function printedCard(card: SscardData): Record<string, string | null> {
  return Object.fromEntries(SSCARD_PRINTED_FIELDS.map((k) => [k, card[k]]));
}

export const sscardReadDriver: ReadDriver = {
  description: '社会保障卡（--transport pcsc | serial | hid | heasec）',
  options: [
    { flags: '--psam-reader <name>', description: '社保卡：PSAM 所在的 PC/SC 读卡器（none 表示没有）；默认取同一读卡器的 SAM 接口' },
    { flags: '--psam-slot <slot>', description: '社保卡：PSAM 卡座 psam1–psam4，none 表示没有 PSAM（默认 psam1）' },
    { flags: '--slot <slot>', description: '社保卡：卡座 contact（接触，默认）或 contactless（非接触）' },
    { flags: '--dialect <id>', description: '社保卡：串口/HID 读卡器的通讯协议（默认 ykt-ref）' },
    { flags: '--library <path>', description: '社保卡：HeaSecReadInfo 读卡库路径（--transport heasec）' },
  ],
  async read(args) {
    const waitSeconds = args.waitSeconds ?? 0;
    if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 300) throw usage('--wait 应为 0–300 秒', '例如 --wait 10 表示最多等待10秒插卡。');
    const read = await readOnce(await sourceFromArgs(args), waitSeconds);
    return printedCard(read.card);
  },
  describe(r) {
    const v = (k: string): string => (r[k] === null || r[k] === undefined ? '（卡内无此项）' : String(r[k]));
    return [
      `姓名：${v('name')}`,
      `社会保障号码：${v('ssn')}`,
      `性别：${r.gender ? `${genderName(String(r.gender))}（${String(r.gender)}）` : v('gender')}`,
      `民族：${r.nation ? `${nationName(String(r.nation))}（${String(r.nation)}）` : v('nation')}`,
      `出生日期：${v('birthDate')}`,
      `出生地：${v('birthPlace')}`,
      `卡号：${v('cardNumber')}`,
      `卡识别码：${v('cardIdCode')}`,
      `卡的类别：${v('cardType')}`,
      `规范版本：${v('specVersion')}`,
      `初始化机构编号：${v('issuer')}`,
      `发卡日期：${v('issueDate')}`,
      `卡有效期：${v('expiryDate')}`,
    ];
  },
};
