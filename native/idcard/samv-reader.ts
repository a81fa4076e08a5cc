// A GA 467 SAM_V ID-card reader on a byte transport: one command at a time, each answered by one
// frame or ended by a timeout.
//
// The protocol has no sequence numbers, so a late answer could be taken for the next command's.
// Two guards: every command starts with an empty reassembly buffer, and after a timeout the next
// command waits until the line has been quiet briefly, letting a straggler arrive and be dropped.
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import { deviceLost } from '@native/transport/transport-errors';
import type { ByteTransport } from '@native/transport/transport';
import type { IdCardData } from './id-card';
import { decodeIdCardText } from './id-card-text';
import { formatSamId, type SamId } from './sam-id';
import { SamvFrameAssembler } from './samv-assembler';
import { CMD } from './samv-commands';
import { SamvProtocolError } from './samv-errors';
import { encodeRequest, hex } from './samv-frame';
import { parseReadData, type RawCardRead } from './samv-read-response';
import { SW3, sw3Error } from './samv-sw3';

const log = logger('samv');

export interface SamvResponse {
  sw1: number;
  sw2: number;
  sw3: number;
  data: Uint8Array;
}

export interface SamvReaderOptions {
  /** Used to allow for wire time in timeouts. Default 115200. */
  baudRate?: number;
  /** Short commands (status, find, select). Default 1000 ms. */
  commandTimeoutMs?: number;
  /** The card read itself (RF + SAM work), before wire time is added. Default 3000 ms. */
  readTimeoutMs?: number;
}

interface Pending {
  resolve(response: SamvResponse): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  what: string;
}

function stopped(): AppError {
  return new AppError({ code: 'IDCARD_STOPPED', message: '身份证读卡已停止', hint: '请重新连接读卡器。' });
}

/** Longest answer: text + photo + 1024-byte fingerprint (2321 bytes). */
const LONGEST_ANSWER = 2321;
const QUIET_MS = 50;

export class SamvReader {
  private readonly assembler = new SamvFrameAssembler('response');
  private pending: Pending | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private unsubscribe: (() => void)[] = [];
  private lastByteAt = 0;
  private needQuiet = false;
  private attached = false;
  /** Bumped by detach(), so a command that was waiting when the reader stopped can tell. */
  private session = 0;

  constructor(
    readonly transport: ByteTransport,
    private readonly options: SamvReaderOptions = {},
  ) {}

  /** Starts listening to the transport. Returns this for chaining. */
  attach(): this {
    if (this.attached) return this;
    this.attached = true;
    this.unsubscribe = [
      this.transport.onData((chunk) => this.receive(chunk)),
      this.transport.onClose((error) => this.failPending(deviceLost(this.transport.id, error))),
    ];
    return this;
  }

  /** Stops listening; a command in flight fails with IDCARD_STOPPED (to its caller, nowhere else). */
  detach(): void {
    for (const u of this.unsubscribe) u();
    this.unsubscribe = [];
    this.attached = false;
    this.session++;
    this.failPending(stopped());
  }

  get baudRate(): number {
    return this.options.baudRate ?? 115200;
  }

  /** Wire time of `bytes` at the configured baud (8N1: 10 bits per byte), in ms. */
  wireMs(bytes: number): number {
    return (bytes * 10 * 1000) / this.baudRate;
  }

  // ---- commands ----

  async samStatus(): Promise<void> {
    const r = await this.command(CMD.samStatus, 'sam status');
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'sam status');
  }

  async resetSam(): Promise<void> {
    const r = await this.command(CMD.resetSam, 'reset sam');
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'reset sam');
  }

  async samId(): Promise<SamId> {
    const r = await this.command(CMD.samId, 'sam id');
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'sam id');
    return formatSamId(r.data);
  }

  /** True when a card is in the field (9F); false when none (80). */
  async findCard(): Promise<boolean> {
    const r = await this.command(CMD.findCard, 'find card');
    if (r.sw3 === SW3.findOk) return true;
    if (r.sw3 === SW3.findFailed) return false;
    throw sw3Error(r.sw3, 'find card');
  }

  async selectCard(): Promise<void> {
    const r = await this.command(CMD.selectCard, 'select card');
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'select card');
  }

  /** Reads text + photo (30 01), or text + photo + fingerprint (30 10). */
  async readRaw(withFingerprint = false): Promise<RawCardRead> {
    const cmd = withFingerprint ? CMD.readWithFingerprint : CMD.readText;
    const timeout = (this.options.readTimeoutMs ?? 3000) + 2 * this.wireMs(LONGEST_ANSWER);
    const r = await this.command(cmd, withFingerprint ? 'read with fingerprint' : 'read', timeout);
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'read');
    return parseReadData(r.data, withFingerprint);
  }

  /** The appended address (追加住址), or undefined when the card has none (91). */
  async readAppendedAddress(): Promise<string | undefined> {
    const r = await this.command(CMD.readAppendedAddress, 'read appended address');
    if (r.sw3 === SW3.noContent) return undefined;
    if (r.sw3 !== SW3.ok) throw sw3Error(r.sw3, 'read appended address');
    return new TextDecoder('utf-16le').decode(r.data).replace(/[\s\u0000]+$/u, '') || undefined;
  }

  /** select → read → decode, for a card that find() has just reported. */
  async readFoundCard(options: { fingerprint?: boolean } = {}): Promise<IdCardData> {
    await this.selectCard();
    const raw = await this.readRaw(options.fingerprint ?? false);
    const text = decodeIdCardText(raw.text);
    return { ...text, photoWlt: raw.photo, ...(raw.fingerprint ? { fingerprint: raw.fingerprint } : {}) };
  }

  /** find → select → read → decode. No card: AppError IDCARD_NO_CARD "请放卡". */
  async readCard(options: { fingerprint?: boolean } = {}): Promise<IdCardData> {
    if (!(await this.findCard())) throw sw3Error(SW3.findFailed, 'find card');
    return this.readFoundCard(options);
  }

  /** Sends one command and waits for its answer. Commands are serialised. */
  command(cmd: readonly [number, number], what: string, timeoutMs?: number, data?: Uint8Array): Promise<SamvResponse> {
    const run = (): Promise<SamvResponse> => this.exchange(encodeRequest(cmd[0], cmd[1], data), what, timeoutMs ?? (this.options.commandTimeoutMs ?? 1000) + 2 * this.wireMs(64));
    const result = this.queue.then(run, run);
    this.queue = result.catch(() => undefined);
    return result;
  }

  // ---- internals ----

  private async exchange(frame: Uint8Array, what: string, timeoutMs: number): Promise<SamvResponse> {
    if (!this.attached) this.attach();
    const session = this.session;
    if (this.needQuiet) await this.waitQuiet();
    // Detached while waiting for the line to go quiet: do not send into a reader nobody listens to.
    if (session !== this.session) throw stopped();
    this.assembler.reset();
    const answer = new Promise<SamvResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        if (this.pending?.timer !== timer) return;
        this.pending = undefined;
        this.needQuiet = true;
        const partial = this.assembler.pending > 0;
        this.assembler.reset();
        reject(new SamvProtocolError(partial ? 'truncated' : 'timeout', `${what}: ${partial ? 'answer incomplete' : 'no answer'} after ${Math.round(timeoutMs)} ms`));
      }, timeoutMs);
      this.pending = { resolve, reject, timer, what };
    });
    // `answer` can be rejected (detach at shutdown, a lost line, a bad frame) while the write below
    // is still draining, i.e. before the `return` hands it to the caller. Observe it now so that
    // rejection is never reported as unhandled; the caller still receives it through the return.
    answer.catch(() => undefined);
    try {
      await this.transport.write(frame);
    } catch (e) {
      this.failPending(e instanceof Error ? e : new Error(String(e)));
    }
    return answer;
  }

  private receive(chunk: Uint8Array): void {
    this.lastByteAt = Date.now();
    for (const event of this.assembler.push(chunk)) {
      if (event.type === 'skipped') {
        log.debug({ bytes: event.bytes }, 'skipped bytes before the preamble');
      } else if (event.type === 'error') {
        log.warn({ reason: event.error.reason, detail: event.error.detail }, 'bad frame from reader');
        this.failPending(event.error);
      } else {
        const body = event.body;
        const p = this.pending;
        if (!p) {
          // Never the data bytes: an answer may carry a card holder's text.
          log.debug({ sw3: hex(body[2] as number), bytes: body.length }, 'answer with no command outstanding; dropped');
          continue;
        }
        this.pending = undefined;
        clearTimeout(p.timer);
        p.resolve({ sw1: body[0] as number, sw2: body[1] as number, sw3: body[2] as number, data: body.slice(3) });
        log.debug({ what: p.what, sw3: hex(body[2] as number), bytes: body.length }, 'answer');
      }
    }
  }

  private failPending(error: Error): void {
    const p = this.pending;
    if (!p) return;
    this.pending = undefined;
    clearTimeout(p.timer);
    this.needQuiet = true;
    p.reject(error);
  }

  private async waitQuiet(): Promise<void> {
    const deadline = Date.now() + 10 * QUIET_MS;
    while (Date.now() - this.lastByteAt < QUIET_MS && Date.now() < deadline) await new Promise((r) => setTimeout(r, QUIET_MS / 2));
    this.needQuiet = false;
  }
}
