// Builds the device service for the host and connects it to the rest: statuses to the status bar
// and the device screen, media and read errors to the windows, configuration changes back to the
// devices. Only the app ('app' role) opens devices and starts training mode's virtual devices: a
// CLI tool running beside the app must not grab the reader's port or spawn a second set of ptys.
import type { ConfigStore } from '@src/config/config-store';
import { DeviceService } from '@src/devices/device-service';
import { hubEcResolver, type EcQueryClient } from '@src/devices/ec-resolver';
import { registerSscardDriver } from '@src/devices/sscard/sscard-driver';
import type { OperatorSessions } from '@src/operators/operator-sessions';
import type { StatusBoard } from '@src/status/status-board';
import { TrainingDevices } from '@src/training/devices/training-devices';
import { TrainingSscardReader } from '@src/training/devices/training-sscard-reader';
import type { Mode } from '@src/contract/methods/system';
import type { HostEvents } from './host-events';
import type { MissingCapability } from './services';

export interface DevicesWiring {
  devices: DeviceService;
  trainingDevices: TrainingDevices | undefined;
}

export async function startDevices(deps: {
  mode: Mode;
  role: 'app' | 'tool';
  config: ConfigStore;
  sessions: OperatorSessions;
  status: StatusBoard;
  events: HostEvents;
  missing: MissingCapability[];
  /** The hub client: scanned e-vouchers are resolved through its ec.query. */
  ecClient?: EcQueryClient;
  onClose(fn: () => Promise<void> | void): void;
}): Promise<DevicesWiring> {
  const { config, sessions, status, events } = deps;
  registerSscardDriver(); // issue 5: 社保卡 readers as managed devices
  const devices = new DeviceService({
    config: () => config.get().devices,
    institutionKind: () => config.get().institution.kind,
    operator: () => {
      const all = sessions.all();
      const s = all.find((x) => !x.locked) ?? all[0];
      return s ? { id: s.operator.username, name: s.operator.displayName } : undefined;
    },
  });
  if (deps.ecClient) devices.setEcResolver(hubEcResolver(deps.ecClient, () => config.get().institution));
  devices.onStatus((list) => {
    status.setDevices(devices.statusBar());
    events.emit('devices.status', { devices: list });
  });
  devices.onMedium((m) => events.emit('devices.medium', m));
  devices.onReadError((e) => events.emit('devices.readError', e));
  devices.onHotplug((h) => events.emit('devices.hotplug', h));
  const stopConfig = config.onChange((change) => {
    if (change.changed.some((p) => p === 'devices' || p.startsWith('devices.'))) devices.applyConfig();
  });
  deps.onClose(stopConfig);

  if (deps.role !== 'app') return { devices, trainingDevices: undefined };

  devices.start();
  deps.onClose(() => devices.stop());
  let trainingDevices: TrainingDevices | undefined;
  if (deps.mode === 'training') {
    const t = await TrainingDevices.start(devices);
    trainingDevices = t;
    deps.onClose(() => t.stop());
    // issue 5: the virtual 社保卡 reader, so training can "place" a 社保卡 too.
    const ss = TrainingSscardReader.start(devices);
    t.setSsCardSlot(ss);
    deps.onClose(() => ss.stop());
    if (t.fallbackReason) deps.missing.push({ capability: 'socat', reason: t.fallbackReason });
  }
  return { devices, trainingDevices };
}
