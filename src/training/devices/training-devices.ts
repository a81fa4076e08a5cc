// Training mode's devices: a virtual SAM_V ID-card reader and a virtual serial scanner, each on
// its own socat pty pair, so training exercises the real serial stack, the device manager and the
// same drivers as a counter with hardware. The trainee "places" a training patient's card or
// "shows" a QR code through the training panel (devices.placeTrainingCard / showTrainingCode).
//
// Without socat the virtual devices run on in-process lines instead (same drivers, no serial
// stack) and the host lists socat under `missing`.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '@src/common/errors';
import type { DeviceService } from '@src/devices/device-service';
import { attachSerialScanner, qrSerialDriver } from '@src/devices/drivers/qr-serial-driver';
import { attachSamv, samvDriver } from '@src/devices/drivers/samv-driver';
import { logger } from '@src/platform/logger';
import { transportDevice } from '@native/devices/device-specs';
import { byteTransportPair } from '@native/transport/fake-byte-transport';
import { findSocat, openPtyPair, type PtyPair } from '@native/transport/pty-pair';
import { SerialByteTransport } from '@native/transport/serial-transport';
import { VirtualSamvReader } from '@native/virtual/virtual-samv-reader';
import { VirtualSerialScanner } from '@native/virtual/virtual-scanner';
import { trainingPatientByIdNumber } from '../fixtures/training-patients';
import { idCardOf } from './training-id-cards';

const log = logger('training-devices');

export const TRAINING_IDCARD_ID = 'training-idcard';
export const TRAINING_SCANNER_ID = 'training-scanner';

/** The 社保卡 side (issue 5) plugs its virtual reader in here. */
export interface TrainingSsCardSlot {
  place(idNumber: string): void | Promise<void>;
  remove(): void | Promise<void>;
}

export interface TrainingDevicesOptions {
  /** Pace the virtual reader at this baud rate (realistic read times). Default 115200. */
  paceBaud?: number;
  /** Force in-process lines even when socat exists (tests). */
  inProcess?: boolean;
  /** find-card poll interval of the training reader. Default 300 ms. */
  pollMs?: number;
}

function notFound(idNumber: string): AppError {
  return new AppError({ code: 'TRAINING_PATIENT_UNKNOWN', message: `没有身份证号为 ${idNumber} 的培训患者`, hint: '请从培训面板的患者列表中选择。' });
}

export class TrainingDevices {
  private placedIdCard: string | undefined;
  private placedSsCard: string | undefined;
  private ssCardSlot: TrainingSsCardSlot | undefined;

  private constructor(
    private readonly reader: VirtualSamvReader,
    private readonly scanner: VirtualSerialScanner,
    private readonly cleanup: () => Promise<void>,
    /** Why the serial stack is not used, when it is not (Chinese). */
    readonly fallbackReason: string | undefined,
  ) {}

  /** Starts the virtual devices and adds the matching devices to the device service. */
  static async start(devices: DeviceService, options: TrainingDevicesOptions = {}): Promise<TrainingDevices> {
    const paceBaud = options.paceBaud ?? 115200;
    const readerConfig = { id: TRAINING_IDCARD_ID, label: '身份证读卡器（培训）', baudRate: 115200, fingerprint: false, pollMs: options.pollMs ?? 300 };
    const scannerConfig = { id: TRAINING_SCANNER_ID, label: '扫码枪（培训）', suffix: 'CR' as const, encoding: 'utf8' as const };
    const socat = options.inProcess ? null : findSocat();

    if (socat) {
      const dir = mkdtempSync(path.join(os.tmpdir(), 'ykt-training-devices-'));
      const pairs: PtyPair[] = [];
      try {
        const readerPair = await openPtyPair({ dir, names: ['idcard-device', 'idcard'] });
        pairs.push(readerPair);
        const scannerPair = await openPtyPair({ dir, names: ['scanner-device', 'scanner'] });
        pairs.push(scannerPair);
        const reader = new VirtualSamvReader(new SerialByteTransport({ path: readerPair.a, baudRate: 115200 }), { paceBaud });
        const scanner = new VirtualSerialScanner(new SerialByteTransport({ path: scannerPair.a, baudRate: 9600 }), { suffix: 'CR' });
        await reader.start();
        await scanner.start();
        devices.addDevice(samvDriver.build({ driver: 'samv', enabled: true, serial: { path: readerPair.b }, ...readerConfig }, devices.context), 'samv');
        devices.addDevice(qrSerialDriver.build({ driver: 'qr-serial', enabled: true, serial: { path: scannerPair.b }, baudRate: 9600, ...scannerConfig }, devices.context), 'qr-serial');
        log.info({ reader: readerPair.b, scanner: scannerPair.b }, 'training devices on pty pairs');
        return new TrainingDevices(
          reader,
          scanner,
          async () => {
            await devices.manager.remove(TRAINING_IDCARD_ID);
            await devices.manager.remove(TRAINING_SCANNER_ID);
            await reader.stop().catch(() => undefined);
            await scanner.stop().catch(() => undefined);
            for (const p of pairs) await p.close();
            rmSync(dir, { recursive: true, force: true });
          },
          undefined,
        );
      } catch (e) {
        for (const p of pairs) await p.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
        log.warn({ err: e }, 'training devices on ptys failed; using in-process lines');
      }
    }

    const readerLine = byteTransportPair({ hostId: 'training-idcard-line', deviceId: 'training-idcard-device' });
    const scannerLine = byteTransportPair({ hostId: 'training-scanner-line', deviceId: 'training-scanner-device' });
    const reader = new VirtualSamvReader(readerLine.device, { paceBaud });
    const scanner = new VirtualSerialScanner(scannerLine.device, { suffix: 'CR' });
    await reader.start();
    await scanner.start();
    devices.addDevice(transportDevice({ ...readerConfig, kind: 'idcard', transport: readerLine.host, attach: (t) => attachSamv(t, readerConfig, devices.context) }), 'samv');
    devices.addDevice(transportDevice({ ...scannerConfig, kind: 'qr', transport: scannerLine.host, attach: (t) => attachSerialScanner(t, scannerConfig, devices.context) }), 'qr-serial');
    const reason = socat ? '无法创建虚拟串口，培训设备改用进程内模拟' : '未安装 socat：培训模式的虚拟读卡器和扫码枪改用进程内模拟（不经过串口）';
    return new TrainingDevices(
      reader,
      scanner,
      async () => {
        await devices.manager.remove(TRAINING_IDCARD_ID);
        await devices.manager.remove(TRAINING_SCANNER_ID);
        await reader.stop().catch(() => undefined);
        await scanner.stop().catch(() => undefined);
      },
      options.inProcess ? undefined : reason,
    );
  }

  /** The 社保卡 virtual reader of issue 5 registers itself here. */
  setSsCardSlot(slot: TrainingSsCardSlot | undefined): void {
    this.ssCardSlot = slot;
  }

  get hasSsCardSlot(): boolean {
    return this.ssCardSlot !== undefined;
  }

  placed(): { idCard?: string; ssCard?: string } {
    return { ...(this.placedIdCard ? { idCard: this.placedIdCard } : {}), ...(this.placedSsCard ? { ssCard: this.placedSsCard } : {}) };
  }

  async placeCard(idNumber: string, medium: 'idCard' | 'ssCard'): Promise<void> {
    const patient = trainingPatientByIdNumber(idNumber);
    if (!patient) throw notFound(idNumber);
    if (medium === 'idCard') {
      this.reader.removeCard();
      this.reader.placeCard(idCardOf(patient));
      this.placedIdCard = patient.idNumber;
      return;
    }
    if (!this.ssCardSlot) throw new AppError({ code: 'TRAINING_SSCARD_UNAVAILABLE', message: '培训社保卡读卡器未启用', hint: '请改用身份证或医保电子凭证练习。' });
    await this.ssCardSlot.place(patient.idNumber);
    this.placedSsCard = patient.idNumber;
  }

  async removeCard(medium: 'idCard' | 'ssCard'): Promise<void> {
    if (medium === 'idCard') {
      this.reader.removeCard();
      this.placedIdCard = undefined;
      return;
    }
    await this.ssCardSlot?.remove();
    this.placedSsCard = undefined;
  }

  /** Shows a patient's e-voucher QR code (by ID number) or any code to the virtual scanner. */
  async showCode(input: { idNumber?: string | undefined; code?: string | undefined }): Promise<void> {
    let code = input.code;
    if (input.idNumber) {
      const patient = trainingPatientByIdNumber(input.idNumber);
      if (!patient) throw notFound(input.idNumber);
      code = patient.ecQrPayload;
    }
    if (!code) throw new AppError({ code: 'TRAINING_NO_CODE', message: '请选择培训患者或填写条码', hint: '二选一即可。' });
    await this.scanner.scan(code);
  }

  async stop(): Promise<void> {
    await this.cleanup();
  }
}
