// A virtual card inserted into vsmartcard's virtual reader (vpcd), so the PC/SC path is tested
// through a real pcscd. vpcd listens on TCP (default port 35963, +1 per further slot); the card
// connects to it, and every message either way is a 2-byte big-endian length and a payload:
//   length 1 from vpcd : control — 00 power off, 01 power on, 02 reset, 04 "send the ATR"
//   longer from vpcd   : a command APDU; the card answers with the response APDU
// Only the ATR request and APDUs are answered. Closing the socket is pulling the card out.
import net from 'node:net';
import { logger } from '@src/platform/logger';
import type { VirtualIcc } from './virtual-icc';

const log = logger('vpcd');

export const VPCD_DEFAULT_PORT = 35963;

const CTRL_OFF = 0x00;
const CTRL_ON = 0x01;
const CTRL_RESET = 0x02;
const CTRL_ATR = 0x04;

export interface VpcdCardLink {
  readonly connected: boolean;
  /** APDUs answered over this link. */
  readonly apdus: number;
  /** Pull the card: closes the socket (vpcd then reports the card removed). */
  close(): Promise<void>;
}

export interface VpcdOptions {
  host?: string;
  port?: number;
  /** Keep retrying the connection this long (pcscd may still be starting). Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Tests: the card is pulled when APDU number N+1 arrives (it answers the first N). */
  pullAfterApdus?: number;
}

/** Connects `card` to vpcd: from then on pcscd sees a card in that reader. */
export async function insertIntoVpcd(card: VirtualIcc, options: VpcdOptions = {}): Promise<VpcdCardLink> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? VPCD_DEFAULT_PORT;
  const deadline = Date.now() + (options.connectTimeoutMs ?? 5000);
  let socket: net.Socket;
  for (;;) {
    try {
      socket = await connect(host, port);
      break;
    } catch (e) {
      if (Date.now() > deadline) throw e;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  let connected = true;
  let apdus = 0;
  let buffer = Buffer.alloc(0);
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('close', () => {
    connected = false;
  });
  socket.on('error', (err) => log.debug({ err, port }, 'vpcd socket error'));

  const send = (payload: Uint8Array): void => {
    const head = Buffer.alloc(2);
    head.writeUInt16BE(payload.length, 0);
    socket.write(Buffer.concat([head, Buffer.from(payload)]));
  };

  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 2) {
      const len = buffer.readUInt16BE(0);
      if (buffer.length < 2 + len) return;
      const payload = new Uint8Array(buffer.subarray(2, 2 + len));
      buffer = buffer.subarray(2 + len);
      if (len === 1) {
        const ctrl = payload[0];
        if (ctrl === CTRL_ATR) send(card.atr);
        else if (ctrl === CTRL_ON || ctrl === CTRL_RESET || ctrl === CTRL_OFF) card.reset();
        else log.debug({ ctrl }, 'unknown vpcd control byte');
      } else if (len > 1) {
        if (options.pullAfterApdus !== undefined && apdus >= options.pullAfterApdus) {
          socket.destroy();
          return;
        }
        apdus++;
        send(card.process(payload));
      }
    }
  });

  return {
    get connected() {
      return connected;
    },
    get apdus() {
      return apdus;
    },
    async close() {
      if (!connected) return;
      socket.end();
      socket.destroy();
      await closed;
    },
  };
}

function connect(host: string, port: number): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const s = net.connect({ host, port });
    s.once('connect', () => {
      s.removeListener('error', reject);
      s.setNoDelay(true);
      resolve(s);
    });
    s.once('error', reject);
  });
}
