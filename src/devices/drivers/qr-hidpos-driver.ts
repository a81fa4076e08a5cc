// A QR / barcode scanner in USB HID-POS mode as a managed device. Connecting sends the feature
// report that switches Honeywell scanners into HID-POS mode (harmless for scanners already in it).
import { logger } from '@src/platform/logger';
import type { DeviceConfig } from '@src/contract/devices-config';
import { hidDevice } from '@native/devices/device-specs';
import { HidPosScanner, HONEYWELL_ENABLE_FEATURE } from '@native/qr/hid-pos-scanner';
import type { ManagedDriver } from '../device-drivers';
import { targetOf } from './device-target';

const log = logger('qr-hidpos');

type QrHidConfig = Extract<DeviceConfig, { driver: 'qr-hidpos' }>;

/** Usage page of HID-POS barcode scanners. */
export const BARCODE_SCANNER_USAGE_PAGE = 0x8c;

export const qrHidPosDriver: ManagedDriver<QrHidConfig> = {
  kind: 'qr',
  build(config, ctx) {
    const target = targetOf({ ...config.hid, usagePage: config.hid.path ? undefined : (config.hid.usagePage ?? BARCODE_SCANNER_USAGE_PAGE) });
    return hidDevice({
      id: config.id,
      label: config.label,
      kind: 'qr',
      target,
      attach: async (transport) => {
        if (config.enableHidPos) {
          await transport.sendFeatureReport(HONEYWELL_ENABLE_FEATURE.reportId, HONEYWELL_ENABLE_FEATURE.data).catch((e: unknown) => log.info({ err: e }, 'scanner refused the HID-POS feature report; assuming it is already in HID-POS mode'));
        }
        const scanner = new HidPosScanner(transport).attach();
        scanner.onScan((scan) => ctx.scan(config.id, scan));
        return { handle: scanner, detach: () => scanner.detach() };
      },
    });
  },
};
