// Watches a SAM_V reader for cards: find every `intervalMs`; when a card answers, select and read
// it and report it once. The cashier only places the card; nothing needs a click.
//
// After a successful read, a GA 467 reader reports "no card" until the card has left the field
// (devices.md §1, "Flow"), so polling never reads the same placement twice. A failed read is
// reported once per distinct error, then retried after a pause, so a damaged card does not flood
// the screen with the same message three times a second.
import { AppError } from '@src/common/errors';
import { logger } from '@src/platform/logger';
import type { IdCardData } from './id-card';
import type { SamvReader } from './samv-reader';

const log = logger('idcard-monitor');

export interface IdCardMonitorOptions {
  /** Pause between find-card polls. Default 300 ms. */
  intervalMs?: number;
  /** Pause after a failed read before trying again. Default 1500 ms. */
  errorPauseMs?: number;
  fingerprint?: boolean;
  onCard(card: IdCardData): void;
  onError(error: AppError): void;
}

export class IdCardMonitor {
  private running = false;
  private timer: NodeJS.Timeout | undefined;
  private lastErrorCode: string | undefined;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly reader: SamvReader,
    private readonly options: IdCardMonitorOptions,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops polling; resolves when the command in flight has ended. */
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
    while (this.running) {
      let pause = this.options.intervalMs ?? 300;
      try {
        if (await this.reader.findCard()) {
          const card = await this.reader.readFoundCard({ fingerprint: this.options.fingerprint ?? false });
          this.lastErrorCode = undefined;
          if (this.running) this.safely(() => this.options.onCard(card));
        } else {
          // The field is empty: the next failure, even the same one, is news again.
          this.lastErrorCode = undefined;
        }
      } catch (e) {
        pause = this.options.errorPauseMs ?? 1500;
        const error = e instanceof AppError ? e : new AppError({ code: 'IDCARD_INTERNAL', message: '读卡时发生内部错误', hint: '请重新放卡；如仍失败请联系信息科。', cause: e });
        if (!(e instanceof AppError)) log.error({ err: e }, 'unexpected error while reading an ID card');
        if (this.reader.transport.isOpen === false) {
          // The reader is gone; the device manager reconnects and starts a new monitor.
          this.running = false;
          break;
        }
        if (error.code !== this.lastErrorCode && this.running) {
          this.lastErrorCode = error.code;
          this.safely(() => this.options.onError(error));
        }
      }
      await this.sleep(pause);
    }
  }

  private safely(fn: () => void): void {
    try {
      fn();
    } catch (e) {
      log.error({ err: e }, 'ID-card listener threw; ignored');
    }
  }

  private sleep(ms: number): Promise<void> {
    if (!this.running) return Promise.resolve();
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(resolve, ms);
      this.timer.unref();
    });
  }
}
