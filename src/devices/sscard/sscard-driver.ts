// The 社保卡 reader as a managed device (configuration driver "sscard"): the device manager
// connects it, a SscardMonitor reports every inserted card as a `ssCard` medium (mdtrt_cert_type
// 03) or a read error, and an unplugged reader shows as disconnected and is reconnected.
//
// Serial and HID readers are found like every serial/HID device (path or USB ids, hot-plug);
// PC/SC readers and the national library are not on those buses, so they count as present and a
// failed connect (reader not plugged in, library not installed) shows as an error with the
// reason, retried with the manager's back-off.
import { AppError } from '@src/common/errors';
import type { DeviceConfig } from '@src/contract/devices-config';
import { logger } from '@src/platform/logger';
import type { Attached } from '@native/devices/connect-transport';
import type { DeviceConnection, DeviceSpec } from '@native/devices/device-spec';
import { hidDevice, serialDevice } from '@native/devices/device-specs';
import { alwaysPresent } from '@native/devices/locators';
import type { ApduReader } from '@native/readers/apdu-reader';
import { SscardMonitor } from '@native/sscard/sscard-monitor';
import { ApduSscardSource, type SscardSource } from '@native/sscard/sscard-source';
import type { ReadSscardOptions } from '@native/sscard/ssse-reader';
import { ListenerSet } from '@native/transport/listener-set';
import { type ManagedDriver, registerManagedDriver } from '../device-drivers';
import type { DriverContext } from '../driver-context';
import { targetOf } from '../drivers/device-target';
import { sscardMedium } from './sscard-medium';
import { parseSscardSettings } from './sscard-options';
import { heasecSscardSource, hidSscardSource, pcscSscardSource, serialSscardSource } from './sscard-sources';

const log = logger('sscard-driver');

type SscardConfig = Extract<DeviceConfig, { driver: 'sscard' }>;

export interface SscardHandle {
  source: SscardSource;
  monitor: SscardMonitor;
}

interface Identity {
  id: string;
  label: string;
}

function monitorFor(source: SscardSource, id: string, ctx: DriverContext, pollMs: number, onLost?: (e: AppError) => void): SscardMonitor {
  return new SscardMonitor(source, {
    intervalMs: pollMs,
    onRead: (read) => ctx.medium(id, sscardMedium(read)),
    onError: (error) => ctx.readError(id, 'ssCard', error),
    ...(onLost ? { onLost } : {}),
  });
}

/** Opens the reader on an already open line (serial/HID) and starts watching it. */
async function attachSource(source: SscardSource, id: string, ctx: DriverContext, pollMs: number): Promise<Attached<SscardHandle>> {
  await source.open();
  const monitor = monitorFor(source, id, ctx, pollMs, (e) => log.warn({ id, code: e.code }, 'reader stopped answering; waiting for the line to close'));
  monitor.start();
  return { handle: { source, monitor }, detach: () => void monitor.stop() };
}

/**
 * A source that is not a transport (PC/SC, the national library, an in-process reader): open it,
 * watch it, and report the loss the monitor sees so the manager reconnects.
 */
async function connectSource(source: SscardSource, id: string, ctx: DriverContext, pollMs: number): Promise<DeviceConnection<SscardHandle>> {
  try {
    await source.open();
  } catch (e) {
    await source.close().catch(() => undefined);
    throw e;
  }
  const lost = new ListenerSet<[Error]>('sscard.lost');
  let closing = false;
  const monitor = monitorFor(source, id, ctx, pollMs, (e) => {
    if (closing) return;
    void source.close().catch(() => undefined);
    lost.emit(e);
  });
  monitor.start();
  return {
    handle: { source, monitor },
    onLost: (listener) => lost.add(listener),
    async close() {
      if (closing) return;
      closing = true;
      await monitor.stop();
      await source.close();
    },
  };
}

/** A device whose connect always fails with `error` (bad options): shown on the device screen as is. */
function misconfigured(config: Identity, error: AppError): DeviceSpec<SscardHandle> {
  return {
    ...config,
    kind: 'sscard',
    locate: alwaysPresent('config', config.id),
    connect: () => Promise.reject(error),
  };
}

/** A 社保卡 device over an ApduReader the caller owns (training mode's in-process virtual reader). */
export function apduSscardDevice(o: Identity & { reader: ApduReader; readOptions?: ReadSscardOptions; pollMs?: number; ctx: DriverContext }): DeviceSpec<SscardHandle> {
  return {
    id: o.id,
    label: o.label,
    kind: 'sscard',
    locate: alwaysPresent('in-process', o.reader.name),
    connect: () => connectSource(new ApduSscardSource(o.reader, o.readOptions ?? {}), o.id, o.ctx, o.pollMs ?? 400),
  };
}

export function buildSscardSpec(config: SscardConfig, ctx: DriverContext): DeviceSpec<SscardHandle> {
  let settings;
  try {
    settings = parseSscardSettings(config.transport, config.options);
  } catch (e) {
    if (e instanceof AppError) return misconfigured(config, e);
    throw e;
  }
  const identity = { id: config.id, label: config.label, kind: 'sscard' };
  switch (settings.transport) {
    case 'serial': {
      const o = settings.options;
      return serialDevice({ ...identity, target: targetOf(o.serial), baudRate: o.baudRate, attach: (t) => attachSource(serialSscardSource(t, o), config.id, ctx, o.pollMs) });
    }
    case 'hid': {
      const o = settings.options;
      return hidDevice({ ...identity, target: targetOf(o.hid), reportSize: o.reportSize, outputReportId: o.outputReportId, attach: (t) => attachSource(hidSscardSource(t, o), config.id, ctx, o.pollMs) });
    }
    case 'pcsc': {
      const o = settings.options;
      return { ...identity, locate: alwaysPresent('pcsc', o.reader), connect: () => connectSource(pcscSscardSource(o), config.id, ctx, o.pollMs) };
    }
    case 'heasec': {
      const o = settings.options;
      return { ...identity, locate: alwaysPresent('heasec', o.path ?? 'HeaSecReadInfo'), connect: () => connectSource(heasecSscardSource(o), config.id, ctx, o.pollMs) };
    }
  }
}

export const sscardDriver: ManagedDriver<SscardConfig> = {
  kind: 'sscard',
  build: buildSscardSpec,
};

/**
 * Makes "sscard" a managed driver. Called by the composition roots (host device wiring, the
 * `devices` CLI) rather than listed in device-drivers.ts, so the device layer stays testable
 * without the 社保卡 stack. Idempotent.
 */
export function registerSscardDriver(): void {
  registerManagedDriver('sscard', sscardDriver);
}
