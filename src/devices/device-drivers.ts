// Managed device drivers: configuration entry → DeviceSpec for the device manager.
// A driver is one entry here; the 社保卡 reader of issue 5 registers 'sscard' the same way.
import { AppError } from '@src/common/errors';
import type { DeviceConfig, DeviceDriverName } from '@src/contract/devices-config';
import type { DeviceSpec } from '@native/devices/device-spec';
import type { DriverContext } from './driver-context';
import { qrHidPosDriver } from './drivers/qr-hidpos-driver';
import { qrSerialDriver } from './drivers/qr-serial-driver';
import { samvDriver } from './drivers/samv-driver';

export interface ManagedDriver<C extends DeviceConfig = DeviceConfig> {
  /** What the device reads: 'idcard' | 'qr' | 'sscard'. */
  kind: string;
  build(config: C, ctx: DriverContext): DeviceSpec;
}

type DriverTable = { [N in DeviceDriverName]?: ManagedDriver<Extract<DeviceConfig, { driver: N }>> };

export const managedDrivers: DriverTable = {
  samv: samvDriver,
  'qr-serial': qrSerialDriver,
  'qr-hidpos': qrHidPosDriver,
};

/** Registers a driver (issue 5 registers 'sscard' from its own module). */
export function registerManagedDriver<N extends DeviceDriverName>(name: N, driver: ManagedDriver<Extract<DeviceConfig, { driver: N }>>): void {
  (managedDrivers as Record<string, unknown>)[name] = driver;
}

/** The spec for one configured device; a driver that is not installed shows as an error with a reason. */
export function buildDeviceSpec(config: DeviceConfig, ctx: DriverContext): DeviceSpec {
  const driver = managedDrivers[config.driver] as ManagedDriver | undefined;
  if (driver) return driver.build(config, ctx);
  return {
    id: config.id,
    label: config.label,
    kind: config.driver,
    locate: () => ({ bus: 'none', path: config.id }),
    connect: async () => {
      throw new AppError({ code: 'DEVICE_DRIVER_MISSING', message: `设备驱动“${config.driver}”不可用`, hint: '请升级终端程序，或在设备配置中改用其他驱动。' });
    },
  };
}
