// `yikatong doctor`: are the configured readers and scanners where the configuration says? Only
// discovery is used (no port is opened), so the check is safe while the terminal app runs and
// holds the ports; `yikatong devices list --probe` goes further when the app is stopped.
import { locateConfigured } from '@src/devices/configured-devices';
import { findSocat } from '@native/transport/pty-pair';
import { listHidInterfaces } from '@native/transport/hid-discovery';
import type { CheckResult, DoctorCheck } from './doctor-check';

export const devicesCheck: DoctorCheck = {
  name: '读卡器和扫码枪',
  async run(host) {
    const config = host.services.config.get().devices;
    const results: CheckResult[] = [];
    const { rows } = await locateConfigured(config);
    const enabled = rows.filter((r) => r.enabled);
    if (enabled.length === 0) {
      if (host.services.mode === 'training') {
        results.push({ status: 'ok', message: `培训模式使用虚拟身份证读卡器和扫码枪${findSocat() ? '（经 socat 虚拟串口）' : '（未安装 socat，改用进程内模拟）'}` });
      } else {
        results.push({ status: 'warn', message: '没有配置读卡器或扫码枪（仅可用键盘式扫码枪）', fix: '运行 yikatong devices list 查看本机设备，再用 yikatong config set devices.readers=[…] 或在“设备”页面（信息科管理员）的“设备配置”中添加。' });
      }
    }
    for (const r of enabled) {
      if (r.foundAt) results.push({ status: 'ok', message: `${r.label}（${r.id}，${r.driver}）在 ${r.foundAt}` });
      else results.push({ status: 'warn', message: `${r.label}（${r.id}，${r.driver}）未找到：应在 ${r.expected}`, fix: '请检查设备是否插好；yikatong devices list 可列出本机串口和 HID 设备，核对配置中的端口或 USB 编号。' });
    }
    if (config.readers.some((r) => r.enabled && (r.driver === 'qr-hidpos' || (r.driver === 'sscard' && r.transport === 'hid')))) {
      try {
        await listHidInterfaces();
      } catch (e) {
        results.push({ status: 'fail', message: `HID 设备库无法加载：${e instanceof Error ? e.message : String(e)}`, fix: '请重新安装终端程序（node-hid 原生模块缺失或版本不符）。' });
      }
    }
    if (!config.wedge.enabled) results.push({ status: 'ok', message: '键盘式扫码枪识别已关闭（devices.wedge.enabled=false）' });
    return results;
  },
};
