// The reader's side of the reference dialect ("ykt-ref"): a virtual serial or HID card reader.
// It decodes request frames exactly as a vendor's firmware would and drives a VirtualCardReader,
// so the terminal's DialectReader is tested against the same slots, cards and PSAM as the
// in-process and PC/SC paths. Fault switches let tests send garbage, damaged frames or silence.
import { isAppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { ByteTransport, ReportTransport } from '@native/transport/transport';
import { lengthByteHidCarriage } from '@native/readers/dialect/length-byte-hid-carriage';
import type { DialectRequest, DialectStatus } from '@native/readers/dialect/reader-dialect';
import { YktFrameDecoder, decodeYktRequest, encodeYktReply } from '@native/readers/dialect/ykt-dialect';
import type { VirtualCardReader } from './virtual-card-reader';

const log = logger('virtual-dialect');

export interface DialectDeviceFaults {
  /** Bytes of line noise sent before the next reply. */
  noiseBeforeNextReply?: Uint8Array;
  /** Flip a bit in the next reply's payload (the host sees a BCC error). */
  corruptNextReply?: boolean;
  /** Answer nothing to the next N requests (the host times out). */
  ignoreRequests?: number;
}

const ERROR_STATUS: Readonly<Record<string, DialectStatus>> = {
  READER_NO_CARD: 'noCard',
  READER_CARD_REMOVED: 'noCard',
  READER_CARD_MUTE: 'cardMute',
  READER_CARD_NOT_POWERED: 'notPowered',
  READER_SLOT_UNSUPPORTED: 'noSuchSlot',
};

export interface VirtualDialectDevice {
  faults: DialectDeviceFaults;
  /** Requests answered so far. */
  readonly requests: number;
  stop(): void;
}

/** Answers one decoded request frame; returns the reply frame, or null to stay silent. */
async function answer(reader: VirtualCardReader, frame: Uint8Array, faults: DialectDeviceFaults): Promise<Uint8Array | null> {
  if (faults.ignoreRequests && faults.ignoreRequests > 0) {
    faults.ignoreRequests--;
    return null;
  }
  const { cmd, request, error } = decodeYktRequest(frame);
  let reply: Uint8Array;
  if (!request) reply = encodeYktReply(cmd, error ?? 'unknownCommand');
  else {
    try {
      reply = encodeYktReply(cmd, 'ok', await execute(reader, request));
    } catch (e) {
      const status = isAppError(e) ? (ERROR_STATUS[e.code] ?? 'failed') : 'failed';
      reply = encodeYktReply(cmd, status);
    }
  }
  if (faults.corruptNextReply) {
    faults.corruptNextReply = false;
    reply[reply.length - 2] = (reply[reply.length - 2] as number) ^ 0x01;
  }
  if (faults.noiseBeforeNextReply) {
    const noise = faults.noiseBeforeNextReply;
    faults.noiseBeforeNextReply = undefined;
    const out = new Uint8Array(noise.length + reply.length);
    out.set(noise, 0);
    out.set(reply, noise.length);
    return out;
  }
  return reply;
}

async function execute(reader: VirtualCardReader, request: DialectRequest): Promise<Uint8Array> {
  switch (request.command) {
    case 'info':
      return new TextEncoder().encode(`YKT-REF/1.0;SN=${reader.deviceSerial ?? 'UNKNOWN'}`);
    case 'selectSlot':
      await reader.selectSlot(request.slot);
      return new Uint8Array(0);
    case 'cardStatus': {
      const state = reader.state(reader.selectedSlot);
      return Uint8Array.of(state === 'empty' ? 0 : state === 'present' ? 1 : 2);
    }
    case 'powerOn':
      return reader.powerOn();
    case 'powerOff':
      await reader.powerOff();
      return new Uint8Array(0);
    case 'transmit':
      return reader.transmit(request.apdu);
    case 'beep':
      await reader.beep();
      return new Uint8Array(0);
  }
}

/**
 * The firmware loop both carriages share: request frames are decoded from the bytes received and
 * answered in arrival order, one after the other, like reader firmware; `send` puts each reply on
 * the carriage. Why one loop: the serial and HID readers must count, fault and answer requests
 * identically, so only the way bytes travel differs between them.
 */
function dialectFirmware(reader: VirtualCardReader, send: (reply: Uint8Array) => Promise<void>) {
  const decoder = new YktFrameDecoder();
  const state = { faults: {} as DialectDeviceFaults, requests: 0 };
  let chain = Promise.resolve();
  return {
    receive(bytes: Uint8Array): void {
      for (const decoded of decoder.push(bytes)) {
        chain = chain.then(async () => {
          // A damaged request gets the BCC-error status, as firmware does (the host resends).
          const reply = decoded.ok ? await answer(reader, decoded.frame, state.faults) : encodeYktReply(0x00, 'frameRejected');
          state.requests++;
          if (reply) await send(reply);
        });
      }
    },
    device(stop: () => void): VirtualDialectDevice {
      return {
        get faults() {
          return state.faults;
        },
        set faults(f) {
          state.faults = f;
        },
        get requests() {
          return state.requests;
        },
        stop,
      };
    },
  };
}

/** Serves the dialect on a byte stream (the device end of a pty pair or a fake pair). */
export function serveDialectOnBytes(transport: ByteTransport, reader: VirtualCardReader): VirtualDialectDevice {
  const firmware = dialectFirmware(reader, async (reply) => {
    if (transport.isOpen) await transport.write(reply).catch((e: unknown) => log.debug({ err: e }, 'virtual reader write failed'));
  });
  return firmware.device(transport.onData((chunk) => firmware.receive(chunk)));
}

/** Serves the dialect over HID reports (the device end of a fake report pair). */
export function serveDialectOnReports(transport: ReportTransport, reader: VirtualCardReader): VirtualDialectDevice {
  const assembler = lengthByteHidCarriage.createAssembler();
  const firmware = dialectFirmware(reader, async (reply) => {
    if (!transport.isOpen) return;
    for (const r of lengthByteHidCarriage.toReports(reply, transport.reportSize)) {
      await transport.writeReport(r).catch((e: unknown) => log.debug({ err: e }, 'virtual HID reader write failed'));
    }
  });
  return firmware.device(
    transport.onReport((report) => {
      const bytes = assembler.push(report);
      if (bytes) firmware.receive(bytes);
    }),
  );
}
