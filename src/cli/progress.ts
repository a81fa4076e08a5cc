// A progress line for long CLI jobs (catalogue sync, queue flush): redrawn in place on a TTY,
// one line per 10% otherwise (so CI logs stay readable).
export interface ProgressUpdate {
  done: number;
  total?: number | undefined;
  label?: string;
  /** Items or rows per second. */
  rate?: number | undefined;
  etaSeconds?: number | undefined;
}

export class ProgressBar {
  private lastDecile = -1;
  constructor(
    private readonly stream: NodeJS.WriteStream = process.stderr,
    private readonly width = 30,
  ) {}

  render(u: ProgressUpdate): string {
    const fraction = u.total ? Math.min(1, u.done / u.total) : 0;
    const filled = Math.round(fraction * this.width);
    const bar = u.total ? `[${'#'.repeat(filled)}${'-'.repeat(this.width - filled)}] ${String(Math.floor(fraction * 100)).padStart(3)}%` : '[…]';
    const count = u.total ? `${u.done}/${u.total}` : String(u.done);
    const rate = u.rate !== undefined ? ` ${Math.round(u.rate)}/s` : '';
    const eta = u.etaSeconds !== undefined && Number.isFinite(u.etaSeconds) ? ` 剩余约${Math.ceil(u.etaSeconds)}秒` : '';
    return `${u.label ? u.label + ' ' : ''}${bar} ${count}${rate}${eta}`;
  }

  update(u: ProgressUpdate): void {
    const line = this.render(u);
    if (this.stream.isTTY) {
      this.stream.write(`\r${line}\x1b[K`);
      return;
    }
    const decile = u.total ? Math.floor((u.done / u.total) * 10) : -1;
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(line + '\n');
    }
  }

  finish(message?: string): void {
    if (this.stream.isTTY) this.stream.write('\n');
    if (message) this.stream.write(message + '\n');
  }
}
