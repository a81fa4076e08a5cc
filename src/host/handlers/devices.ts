// Devices: status and hot-plug for the device screen, keyboard-wedge input, and training mode's
// virtual card reader and scanner.
import { AppError } from '@src/common/errors';
import { OK } from '@src/contract';
import type { devicesMethods } from '@src/contract/methods/devices';
import { hex4 } from '@native/transport/transport';
import { TRAINING_PATIENTS } from '@src/training/fixtures/training-patients';
import { TRAINING_DRUG_CODES } from '@src/training/devices/training-drug-codes';
import type { TrainingDevices } from '@src/training/devices/training-devices';
import type { DomainHandlers, HandlerContext } from '../handler';

function training(ctx: HandlerContext): TrainingDevices {
  const t = ctx.services.trainingDevices;
  if (ctx.services.mode !== 'training' || !t) {
    throw new AppError({ code: 'DEVICES_TRAINING_ONLY', message: '仅培训模式可用', hint: '正式模式请使用真实的读卡器和扫码枪。' });
  }
  return t;
}

export function devicesHandlers(): DomainHandlers<typeof devicesMethods> {
  return {
    'devices.list': (_input, { services }) => ({
      devices: services.devices.list(),
      discovered: services.devices.discovered().map((d) => ({
        bus: d.bus,
        path: d.path,
        ...(d.vendorId !== undefined ? { vendorId: hex4(d.vendorId) } : {}),
        ...(d.productId !== undefined ? { productId: hex4(d.productId) } : {}),
        ...(d.manufacturer ? { manufacturer: d.manufacturer } : {}),
        ...(d.product ? { product: d.product } : {}),
        ...(d.usagePage !== undefined ? { usagePage: d.usagePage } : {}),
      })),
      hotplug: services.devices.hotplug(),
      training: services.mode === 'training',
    }),
    'devices.reconnect': (input, { services }) => services.devices.reconnect(input.id),
    'devices.wedgeInput': (input, { client, session, services }) => ({
      results: services.devices
        .wedgeInput(client.clientId, input.events, input.flush, session ? { id: session.operator.username, name: session.operator.displayName } : undefined)
        .map((r) => ({ kind: r.kind, length: r.text.length })),
    }),
    'devices.trainingPatients': (_input, ctx) => {
      const t = training(ctx);
      return {
        patients: TRAINING_PATIENTS.map((p) => ({
          name: p.name,
          idNumber: p.idNumber,
          gender: p.gender,
          insuredArea: p.insuredArea,
          insutype: p.insutype,
          media: t.hasSsCardSlot ? (['idCard', 'eVoucher', 'ssCard'] as const).slice() : (['idCard', 'eVoucher'] as const).slice(),
        })),
        drugCodes: [...TRAINING_DRUG_CODES],
        placed: t.placed(),
      };
    },
    'devices.placeTrainingCard': async (input, ctx) => {
      await training(ctx).placeCard(input.idNumber, input.medium);
      return OK;
    },
    'devices.removeTrainingCard': async (input, ctx) => {
      await training(ctx).removeCard(input.medium);
      return OK;
    },
    'devices.showTrainingCode': async (input, ctx) => {
      await training(ctx).showCode(input);
      return OK;
    },
  };
}
