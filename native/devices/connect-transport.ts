// Turns a transport plus a driver into a DeviceConnection: open, probe, report loss once.
//
// The driver's attach() may talk to the device (e.g. ask a SAM_V reader for its SAM status) so a
// wrong port or baud rate shows up as a clear error at connect time, not at the first patient.
import { ListenerSet } from '@native/transport/listener-set';
import { deviceLost } from '@native/transport/transport-errors';
import type { DeviceConnection } from './device-spec';

interface Closable {
  readonly id: string;
  readonly isOpen: boolean;
  open(): Promise<void>;
  onClose(listener: (error?: Error) => void): () => void;
  close(): Promise<void>;
}

export interface Attached<H> {
  handle: H;
  /** Stops the driver (timers, pending commands); called on close and on loss. */
  detach?(): void;
}

export async function connectTransport<T extends Closable, H>(transport: T, attach: (transport: T) => Promise<Attached<H>> | Attached<H>): Promise<DeviceConnection<H>> {
  await transport.open();
  const lost = new ListenerSet<[Error]>('connection.lost');
  let closing = false;
  let attached: Attached<H> | undefined;
  const stopClose = transport.onClose((error) => {
    stopClose();
    attached?.detach?.();
    if (!closing) lost.emit(error ?? deviceLost(transport.id));
  });
  try {
    attached = await attach(transport);
  } catch (e) {
    closing = true;
    stopClose();
    await transport.close().catch(() => undefined);
    throw e;
  }
  const a = attached;
  if (!transport.isOpen) {
    // Lost while probing (unplugged mid-handshake): report it as a failed connect.
    a.detach?.();
    throw deviceLost(transport.id);
  }
  return {
    handle: a.handle,
    onLost: (listener) => lost.add(listener),
    async close() {
      if (closing) return;
      closing = true;
      a.detach?.();
      await transport.close();
    },
  };
}
