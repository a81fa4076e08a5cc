// `yikatong devices`: list (configured devices and what is plugged in), monitor (live status and
// hot-plug until Ctrl-C), read (one medium through a read driver, e.g. --driver samv).
import type { Command } from 'commander';
import { AppError } from '@src/common/errors';
import { locateConfigured, probeConfigured } from '@src/devices/configured-devices';
import { DeviceService } from '@src/devices/device-service';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import { readDrivers } from '@src/devices/read-drivers';
import { hex4 } from '@native/transport/transport';
import type { CliContext } from '../cli-context';

const STATE = { connected: '已连接', connecting: '连接中', disconnected: '未连接', error: '故障' } as const;

function time(): string {
  return new Date().toTimeString().slice(0, 8);
}

function intOption(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new AppError({ code: 'CLI_BAD_NUMBER', message: `${name} 应为整数：${value}`, hint: `例如 ${name} 115200` });
  return Number(value);
}

export function registerDevicesCommands(program: Command, ctx: CliContext): void {
  registerSscardDriver(); // issue 5: 社保卡 readers as managed devices (list --probe, monitor)
  const devices = program.command('devices').description('读卡器和扫码枪 (list / monitor / read)');

  devices
    .command('list')
    .description('列出已配置的设备、本机的串口和 HID 设备')
    .option('--probe', '逐个连接已配置的设备并检查应答（终端程序运行时端口会被占用）')
    .option('--json', '输出 JSON')
    .action(async (opts: { probe?: boolean; json?: boolean }) => {
      const host = await ctx.openHost();
      const config = host.services.config.get().devices;
      const { rows, discovered } = await locateConfigured(config);
      const probed = opts.probe ? await probeConfigured(config) : undefined;
      const found = discovered.map((d) => ({ bus: d.bus, path: d.path, ...(d.vendorId !== undefined ? { vendorId: hex4(d.vendorId), productId: hex4(d.productId) } : {}), ...(d.product ? { product: d.product } : {}), ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}) }));
      if (opts.json) {
        ctx.printJson({ configured: rows.map((r) => ({ ...r, ...(probed ? { probe: probed.find((p) => p.id === r.id) } : {}) })), discovered: found });
        return;
      }
      ctx.print(`已配置的设备（${rows.length}）：`);
      if (rows.length === 0) ctx.print('  （无）——用 yikatong config set devices.readers=[…] 或在“设备”页面（信息科管理员）添加');
      for (const r of rows) {
        const p = probed?.find((x) => x.id === r.id);
        const probe = p ? `，检查：${STATE[p.state]}${p.message && p.state !== 'connected' ? `（${p.message}）` : ''}` : '';
        ctx.print(`  ${r.id}  ${r.label}  [${r.driver}]  ${r.expected}  ${r.enabled ? (r.foundAt ? `找到：${r.foundAt}` : '未找到') : '已停用'}${probe}`);
        if (p?.hint && p.state !== 'connected') ctx.print(`      → ${p.hint}`);
      }
      ctx.print(`本机设备（${found.length}）：`);
      for (const d of found) ctx.print(`  ${d.bus.padEnd(6)} ${d.path}${d.vendorId ? `  USB ${d.vendorId}:${d.productId}` : ''}${d.product ? `  ${d.product}` : ''}${d.manufacturer ? `  ${d.manufacturer}` : ''}`);
    });

  devices
    .command('monitor')
    .description('实时显示设备状态、插拔和读卡事件，按 Ctrl-C 结束（终端程序运行时请改用“设备”页面）')
    .option('--json', '每个事件输出一行 JSON')
    .option('--duration <秒>', '运行指定秒数后自动结束')
    .action(async (opts: { json?: boolean; duration?: string }) => {
      const host = await ctx.openHost();
      const seconds = intOption(opts.duration, '--duration');
      const service = new DeviceService({
        config: () => host.services.config.get().devices,
        institutionKind: () => host.services.config.get().institution.kind,
        operator: () => undefined,
      });
      const out = (type: string, value: Record<string, unknown>, text: string): void => (opts.json ? ctx.printJson({ type, at: new Date().toISOString(), ...value }) : ctx.print(`[${time()}] ${text}`));
      const last = new Map<string, string>();
      service.onStatus((list) => {
        for (const d of list) {
          const key = `${d.state}|${d.message ?? ''}|${d.path ?? ''}`;
          if (last.get(d.id) === key) continue;
          last.set(d.id, key);
          out('status', { device: d }, `${d.label}（${d.id}）${STATE[d.state]}${d.path ? ` ${d.path}` : ''}${d.message && d.state !== 'connected' ? `：${d.message}` : ''}`);
        }
      });
      service.onHotplug((h) => out('hotplug', { entry: h }, `${h.change === 'attached' ? '插入' : '拔出'} ${h.bus} ${h.path}${h.vendorId ? ` USB ${h.vendorId}:${h.productId}` : ''}`));
      service.onMedium((m) => out('medium', { deviceId: m.deviceId, kind: m.kind }, `${m.deviceId} 读到${m.kind === 'idCard' ? '身份证' : m.kind === 'eVoucher' ? '电子凭证' : m.kind === 'ssCard' ? '社保卡' : '药品条码'}`));
      service.onReadError((e) => out('readError', { error: e }, `${e.deviceId} 读取失败：${e.message}${e.hint ? ` → ${e.hint}` : ''}`));
      if (!opts.json) ctx.print('正在监视设备，按 Ctrl-C 结束…');
      service.start();
      await new Promise<void>((resolve) => {
        const done = (): void => {
          process.off('SIGINT', done);
          process.off('SIGTERM', done);
          resolve();
        };
        process.once('SIGINT', done);
        process.once('SIGTERM', done);
        if (seconds !== undefined) setTimeout(done, seconds * 1000);
      });
      await service.stop();
      if (!opts.json) ctx.print('已结束监视');
    });

  const read = devices
    .command('read')
    .description(`读取一张卡：--driver ${Object.keys(readDrivers).join(' | ')}`)
    .requiredOption('--driver <name>', `读卡驱动：${Object.entries(readDrivers).map(([n, d]) => `${n}（${d.description}）`).join('；')}`)
    .option('--port <path>', '串口，例如 /dev/ttyUSB0、COM3')
    .option('--baud <n>', '波特率（默认 115200）')
    .option('--transport <kind>', '读卡器连接方式：pcsc | serial | hid')
    .option('--reader <name>', 'PC/SC 读卡器名称或 HID 路径')
    .option('--wait <秒>', '等待放卡的秒数（默认不等待）')
    .option('--json', '只输出一个 JSON 对象');
  // Flags a driver adds (e.g. --fingerprint) are declared once, whichever drivers share them.
  const declared = new Set(read.options.map((o) => o.long));
  for (const d of Object.values(readDrivers)) {
    for (const o of d.options ?? []) {
      const long = /--[\w-]+/.exec(o.flags)?.[0];
      if (long && !declared.has(long)) {
        declared.add(long);
        read.option(o.flags, o.description);
      }
    }
  }
  read.action(async (opts: Record<string, unknown> & { driver: string; baud?: string; wait?: string; json?: boolean }) => {
    const driver = readDrivers[opts.driver];
    if (!driver) throw new AppError({ code: 'CLI_UNKNOWN_DRIVER', message: `未知的读卡驱动：${opts.driver}`, hint: `可用：${Object.keys(readDrivers).join('、')}` });
    const { driver: _name, json, baud, wait, ...rest } = opts;
    const baudRate = intOption(baud, '--baud');
    const waitSeconds = intOption(wait, '--wait');
    const result = await driver.read({ ...rest, ...(baudRate !== undefined ? { baud: baudRate } : {}), ...(waitSeconds !== undefined ? { waitSeconds } : {}) });
    if (json) ctx.printJson(result);
    else for (const line of driver.describe(result)) ctx.print(line);
  });
}
