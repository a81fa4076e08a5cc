// Watches one social security card source and reports each card placement once: the cashier only
// inserts the card, nothing needs a click.
//
// APDU readers can tell whether a card is in the slot, so the monitor polls that and reads once per
// insertion. A failed read is NOT retried until the card has been taken out: retrying a 3.00
// card's EXTERNAL AUTHENTICATE burns its tries (63Cx → 6983 locks the key), and every failure's
// hint already says "take the card out and insert it again". The national library cannot report
// presence, so there the monitor calls ReadCardBas each round: "no card" (−2) means empty, and
// the same card is reported once until a round finds the slot empty again.
//
// When the reader itself is gone (unplugged, PC/SC service stopped) the monitor stops and calls
// onLost, so the device manager shows "disconnected" and reconnects.
import { AppError, isAppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { SscardRead } from './sscard-data';
import type { SscardSource } from './sscard-source';

const log = logger('sscard-monitor');

/** Errors that mean the reader, not the card, is gone. */
const READER_LOST = new Set(['READER_DISCONNECTED', 'READER_SERVICE_DOWN', 'READER_NOT_FOUND', 'READER_NOT_OPEN']);
/** Errors that mean the slot is empty (again). */
const NO_CARD = new Set(['READER_NO_CARD', 'READER_CARD_REMOVED']);

export interface SscardMonitorOptions {
  /** Pause between presence polls. Default 400 ms (APDU readers), 1000 ms (national library). */
  intervalMs?: number;
  /** Pause after a failed round. Default 1500 ms. */
  errorPauseMs?: number;
  onRead(read: SscardRead): void;
  onError(error: AppError): void;
  /** The reader is gone; the monitor has stopped. */
  onLost?(error: AppError): void;
}

type SlotState = 'empty' | 'read' | 'failed';

export class SscardMonitor {
  private running = false;
  private loop: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private wake: (() => void) | undefined;
  private state: SlotState = 'empty';
  private lastErrorCode: string | undefined;

  constructor(
    private readonly source: SscardSource,
    private readonly options: SscardMonitorOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops polling; resolves when the read in flight has ended. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.wake?.();
    await this.loop;
  }

  get isRunning(): boolean {
    return this.running;
  }

  private async run(): Promise<void> {
    const interval = this.options.intervalMs ?? (this.source.cardPresent ? 400 : 1000);
    while (this.running) {
      let pause = interval;
      try {
        await this.round();
      } catch (e) {
        const error = isAppError(e) ? e : new AppError({ code: 'SSCARD_INTERNAL', message: '读社保卡时发生内部错误', hint: '请取出社保卡后重新插入；如仍失败请联系信息科。', cause: e });
        if (!isAppError(e)) log.error({ err: e }, 'unexpected error while watching for social security cards');
        // Stopped meanwhile (host closing, device removed): the read in flight was cut off on
        // purpose, so its failure is neither a card error nor a lost reader.
        if (!this.running) break;
        if (READER_LOST.has(error.code)) {
          this.running = false;
          this.safely(() => this.options.onLost?.(error));
          break;
        }
        if (NO_CARD.has(error.code)) this.empty();
        else {
          pause = this.options.errorPauseMs ?? 1500;
          this.failed(error);
        }
      }
      if (!this.running) break;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        this.timer = setTimeout(resolve, pause);
      });
    }
  }

  private async round(): Promise<void> {
    if (this.source.cardPresent) {
      if (!(await this.source.cardPresent())) return this.empty();
      // Present: read only a fresh insertion (a failed one waits for the card to come out).
      if (this.state !== 'empty') return;
    }
    const read = await this.source.read();
    if (this.state === 'read') return; // the library path: the same card, still in place
    this.state = 'read';
    this.lastErrorCode = undefined;
    if (this.running) this.safely(() => this.options.onRead(read));
  }

  private empty(): void {
    this.state = 'empty';
    this.lastErrorCode = undefined;
  }

  private failed(error: AppError): void {
    this.state = 'failed';
    if (error.code === this.lastErrorCode || !this.running) return;
    this.lastErrorCode = error.code;
    this.safely(() => this.options.onError(error));
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      log.error({ err: e }, 'social security card listener failed');
    }
  }
}
