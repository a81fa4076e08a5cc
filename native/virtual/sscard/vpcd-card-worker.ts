// Worker-thread entry: serves virtual cards to vpcd from a thread of its own.
//
// Why a separate thread: vpcd asks the card for its ATR while pcscd holds the reader lock, and the
// `smartcard` binding's SCardDisconnect is synchronous. With the card in the terminal's own thread
// the two wait for each other for ever; in a worker the card always answers, like real hardware.
import { parentPort } from 'node:worker_threads';
import { buildVirtualCard, type VirtualCardSpec } from './vpcd-card-spec';
import { type VpcdCardLink, insertIntoVpcd } from './vpcd-card-link';

/** `id` names the request (for the reply), `link` the inserted card. */
export type VpcdWorkerRequest =
  | { type: 'insert'; id: number; link: number; port: number; host?: string; spec: VirtualCardSpec; pullAfterApdus?: number }
  | { type: 'remove'; id: number; link: number }
  | { type: 'apdus'; id: number; link: number };

export type VpcdWorkerReply = { type: 'done'; id: number; apdus?: number } | { type: 'failed'; id: number; message: string };

const links = new Map<number, VpcdCardLink>();
const port = parentPort;
if (port) {
  port.on('message', (req: VpcdWorkerRequest) => {
    void handle(req).then(
      (reply) => port.postMessage(reply),
      (e: unknown) => port.postMessage({ type: 'failed', id: req.id, message: e instanceof Error ? e.message : String(e) } satisfies VpcdWorkerReply),
    );
  });
}

async function handle(req: VpcdWorkerRequest): Promise<VpcdWorkerReply> {
  switch (req.type) {
    case 'insert': {
      const link = await insertIntoVpcd(buildVirtualCard(req.spec), { port: req.port, host: req.host, pullAfterApdus: req.pullAfterApdus });
      links.set(req.link, link);
      return { type: 'done', id: req.id };
    }
    case 'remove': {
      const link = links.get(req.link);
      links.delete(req.link);
      await link?.close();
      return { type: 'done', id: req.id, apdus: link?.apdus ?? 0 };
    }
    case 'apdus':
      return { type: 'done', id: req.id, apdus: links.get(req.link)?.apdus ?? 0 };
  }
}
