// A QR / barcode scanner in serial line mode as a managed device.
import type { DeviceConfig } from '@src/contract/devices-config';
import type { Attached } from '@native/devices/connect-transport';
import { serialDevice } from '@native/devices/device-specs';
import { SerialLineScanner, type ScannerSuffix } from '@native/qr/serial-line-scanner';
import type { ByteTransport } from '@native/transport/transport';
import type { ManagedDriver } from '../device-drivers';
import type { DriverContext } from '../driver-context';
import { targetOf } from './device-target';

type QrSerialConfig = Extract<DeviceConfig, { driver: 'qr-serial' }>;

export function attachSerialScanner(transport: ByteTransport, config: Pick<QrSerialConfig, 'id' | 'suffix' | 'encoding'>, ctx: DriverContext): Attached<SerialLineScanner> {
  const scanner = new SerialLineScanner(transport, { suffix: config.suffix as ScannerSuffix, encoding: config.encoding }).attach();
  scanner.onScan((scan) => ctx.scan(config.id, scan));
  return { handle: scanner, detach: () => scanner.detach() };
}

export const qrSerialDriver: ManagedDriver<QrSerialConfig> = {
  kind: 'qr',
  build(config, ctx) {
    return serialDevice({ id: config.id, label: config.label, kind: 'qr', target: targetOf(config.serial), baudRate: config.baudRate, attach: (t) => attachSerialScanner(t, config, ctx) });
  },
};
