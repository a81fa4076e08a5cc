// The resident ID-card reader (GA 467 SAM_V over serial) as a managed device: connect = open the
// port and ask for the SAM status (a wrong port or baud rate fails here, clearly); connected = a
// monitor polls for cards and reports each read.
import type { AppError } from '@src/common/errors';
import type { DeviceConfig } from '@src/contract/devices-config';
import type { Attached } from '@native/devices/connect-transport';
import { serialDevice } from '@native/devices/device-specs';
import type { DeviceSpec } from '@native/devices/device-spec';
import { IdCardMonitor } from '@native/idcard/id-card-monitor';
import { SamvReader } from '@native/idcard/samv-reader';
import type { ByteTransport } from '@native/transport/transport';
import type { ManagedDriver } from '../device-drivers';
import type { DriverContext } from '../driver-context';
import { targetOf } from './device-target';

type SamvConfig = Extract<DeviceConfig, { driver: 'samv' }>;

export interface SamvHandle {
  reader: SamvReader;
  monitor: IdCardMonitor;
}

/** Attaches reader + monitor to an open line (also used for the in-process training reader). */
export async function attachSamv(transport: ByteTransport, config: Pick<SamvConfig, 'id' | 'baudRate' | 'fingerprint' | 'pollMs'>, ctx: DriverContext): Promise<Attached<SamvHandle>> {
  const reader = new SamvReader(transport, { baudRate: config.baudRate }).attach();
  try {
    await reader.samStatus();
  } catch (e) {
    reader.detach();
    throw e;
  }
  const monitor = new IdCardMonitor(reader, {
    intervalMs: config.pollMs,
    fingerprint: config.fingerprint,
    onCard: (card) => ctx.idCard(config.id, card),
    onError: (error: AppError) => ctx.readError(config.id, 'idCard', error),
  });
  monitor.start();
  return {
    handle: { reader, monitor },
    detach: () => {
      void monitor.stop();
      reader.detach();
    },
  };
}

export const samvDriver: ManagedDriver<SamvConfig> = {
  kind: 'idcard',
  build(config, ctx): DeviceSpec<SamvHandle> {
    return serialDevice({ id: config.id, label: config.label, kind: 'idcard', target: targetOf(config.serial), baudRate: config.baudRate, attach: (t) => attachSamv(t, config, ctx) });
  },
};
