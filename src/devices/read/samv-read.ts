// `devices read --driver samv --port <path> [--baud N] [--wait S]`: open the port, check the SAM,
// read one card, print {name, gender, nation, birthDate, address, idNumber, authority, validFrom,
// validTo}. Nothing stays open afterwards.
import { AppError } from '@src/common/errors';
import { idCardJson } from '@native/idcard/id-card';
import { genderName, nationName } from '@native/idcard/nations';
import { SamvReader } from '@native/idcard/samv-reader';
import { sw3Error, SW3 } from '@native/idcard/samv-sw3';
import { SerialByteTransport } from '@native/transport/serial-transport';
import type { ReadDriver, ReadDriverArgs } from '../read-drivers';

const BAUDS = [9600, 19200, 38400, 57600, 115200];

function argsOf(args: ReadDriverArgs): { port: string; baud: number; waitSeconds: number; fingerprint: boolean } {
  if (!args.port) throw new AppError({ code: 'CLI_MISSING_PORT', message: '请用 --port 指定身份证读卡器的串口', hint: '例如 --port /dev/ttyUSB0 或 --port COM3；yikatong devices list 可列出本机串口。' });
  const baud = args.baud ?? 115200;
  if (!BAUDS.includes(baud)) throw new AppError({ code: 'CLI_BAD_BAUD', message: `不支持的波特率 ${baud}`, hint: `可用：${BAUDS.join('、')}（GA 467 读卡器默认 115200）。` });
  const waitSeconds = args.waitSeconds ?? 0;
  if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 300) throw new AppError({ code: 'CLI_BAD_WAIT', message: '--wait 应为 0–300 秒', hint: '例如 --wait 10 表示最多等待10秒放卡。' });
  return { port: args.port, baud, waitSeconds, fingerprint: args.fingerprint === true };
}

export const samvReadDriver: ReadDriver = {
  description: '居民身份证（GA 467 SAM_V 串口读卡器）',
  options: [{ flags: '--fingerprint', description: '同时读取指纹（身份证，30 10 命令）' }],
  async read(raw) {
    const args = argsOf(raw);
    const transport = new SerialByteTransport({ path: args.port, baudRate: args.baud });
    await transport.open();
    const reader = new SamvReader(transport, { baudRate: args.baud }).attach();
    try {
      await reader.samStatus();
      const deadline = Date.now() + args.waitSeconds * 1000;
      while (!(await reader.findCard())) {
        if (Date.now() >= deadline) throw sw3Error(SW3.findFailed, 'find card');
        await new Promise((r) => setTimeout(r, 200));
      }
      const card = await reader.readFoundCard({ fingerprint: args.fingerprint });
      return { ...idCardJson(card) };
    } finally {
      reader.detach();
      await transport.close();
    }
  },
  describe(r) {
    return [
      `姓名：${String(r.name)}`,
      `性别：${genderName(String(r.gender))}（${String(r.gender)}）`,
      `民族：${nationName(String(r.nation))}（${String(r.nation)}）`,
      `出生：${String(r.birthDate)}`,
      `住址：${String(r.address)}`,
      `公民身份号码：${String(r.idNumber)}`,
      `签发机关：${String(r.authority)}`,
      `有效期限：${String(r.validFrom)} 至 ${String(r.validTo)}`,
    ];
  },
};
