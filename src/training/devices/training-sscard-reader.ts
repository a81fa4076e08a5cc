// Training mode's 社保卡 reader: the virtual counter reader (contact slot, contactless field, the
// training PSAM in psam1) registered with the device service as an "sscard" device, so a placed
// card goes through the same SSSE flow (SELECT, EF05, PSAM + RKSSSE for 3.00 cards, EF06), the
// same monitor and the same `ssCard` medium as a real reader at the counter.
//
// It is the TrainingSsCardSlot the device engineer's TrainingDevices expects: the trainee "places"
// a training patient's card through the training panel.
import { AppError } from '@src/common/errors';
import type { DeviceService } from '@src/devices/device-service';
import { apduSscardDevice } from '@src/devices/sscard/sscard-driver';
import { virtualCounterReader } from '@native/virtual/sscard/virtual-counter-reader';
import type { VirtualCardReader } from '@native/virtual/sscard/virtual-card-reader';
import { VirtualSscard } from '@native/virtual/sscard/virtual-sscard';
import { trainingPatientByIdNumber } from '../fixtures/training-patients';
import type { TrainingSsCardSlot } from './training-devices';
import { sscardProfileOf } from './training-sscards';

export const TRAINING_SSCARD_ID = 'training-sscard';

export interface TrainingSscardOptions {
  /** Presence poll of the monitor. Default 300 ms. */
  pollMs?: number;
}

export class TrainingSscardReader implements TrainingSsCardSlot {
  private constructor(
    readonly reader: VirtualCardReader,
    private readonly devices: DeviceService,
    private readonly pollMs: number,
  ) {}

  static start(devices: DeviceService, options: TrainingSscardOptions = {}): TrainingSscardReader {
    const pollMs = options.pollMs ?? 300;
    const reader = virtualCounterReader({ name: '虚拟社保卡读卡器（培训）' });
    devices.addDevice(apduSscardDevice({ id: TRAINING_SSCARD_ID, label: '社保卡读卡器（培训）', reader, ctx: devices.context, pollMs }), 'sscard');
    return new TrainingSscardReader(reader, devices, pollMs);
  }

  async place(idNumber: string): Promise<void> {
    const patient = trainingPatientByIdNumber(idNumber);
    if (!patient) throw new AppError({ code: 'TRAINING_PATIENT_UNKNOWN', message: `没有身份证号为 ${idNumber} 的培训患者`, hint: '请从培训面板的患者列表中选择。' });
    if (this.reader.card('contact')) {
      // Swapping cards: the monitor must see the slot empty once, as with a real card taken out.
      this.reader.remove('contact');
      await new Promise((r) => setTimeout(r, this.pollMs * 2 + 50));
    }
    // 3.00 cards answer like T=0 cards (61xx / GET RESPONSE), so training exercises that path too.
    this.reader.insert('contact', new VirtualSscard(sscardProfileOf(patient), { t0: patient.card.specVersion === '3.00' }));
  }

  remove(): void {
    this.reader.remove('contact');
  }

  async stop(): Promise<void> {
    await this.devices.manager.remove(TRAINING_SSCARD_ID);
  }
}
