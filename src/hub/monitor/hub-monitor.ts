// Online/offline for the status bar, from two sources:
// - every real call: answered (even a refusal) → online with its latency; unreachable (network,
//   timeout, connection lost, HTTP 5xx) → offline with the reason;
// - a periodic probe (config.timeouts.probeIntervalMs) when no call has answered recently: a TCP
//   connection (plus TLS handshake for https) to the hub endpoint, closed at once. It has no side
//   effects at the hub — no msgid, no sign-in, nothing in the hub's business logs — unlike a 9001
//   or a 1901 query; its time is the latency shown. The hub comes back online by itself as soon as
//   a probe or a call gets through.
import type { TerminalStatus } from '@src/contract/methods/system';
import { logger } from '@src/platform/logger';
import type { CallObservation } from '../client/call-options';
import type { HubClient } from '../client/hub-client';
import { HubError, isUnreachable } from '../errors';
import { describeTransportProblem } from '../transport/transport-problem';

const log = logger('hub-monitor');

export type HubStatus = TerminalStatus['hub'];

export interface HubMonitorOptions {
  client: HubClient;
  /** Where the status goes (services.status.setHub). */
  report: (status: HubStatus) => void;
  intervalMs: () => number;
  /** Probe timeout (ms); default min(interval, 3000). */
  probeTimeoutMs?: number;
}

export class HubMonitor {
  private timer: NodeJS.Timeout | undefined;
  private lastAnsweredAt = -Infinity;
  private probing = false;
  private stopped = true;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly options: HubMonitorOptions) {}

  /** Listens to calls, probes now, then every interval. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unsubscribe = this.options.client.onObservation((o) => this.observe(o));
    void this.tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }

  /** One probe now; resolves with the status it reported. */
  async probeNow(): Promise<HubStatus> {
    const timeout = this.options.probeTimeoutMs ?? Math.min(this.options.intervalMs(), 3000);
    try {
      const ms = await this.options.client.probe(timeout);
      return this.set({ state: 'online', latencyMs: Math.round(ms) });
    } catch (e) {
      return this.set({ state: 'offline', lastError: `无法连接医保中心：${describeTransportProblem(e)}` });
    }
  }

  private async tick(): Promise<void> {
    if (this.stopped) return;
    const interval = this.options.intervalMs();
    if (!this.probing && performance.now() - this.lastAnsweredAt >= interval) {
      this.probing = true;
      try {
        await this.probeNow();
      } finally {
        this.probing = false;
      }
    }
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.tick(), interval);
    this.timer.unref();
  }

  private observe(o: CallObservation): void {
    if (o.answered) {
      this.lastAnsweredAt = performance.now();
      this.set({ state: 'online', ...(o.latencyMs === undefined ? {} : { latencyMs: Math.round(o.latencyMs) }) });
    } else if (isUnreachable(o.error)) {
      this.set({ state: 'offline', lastError: o.error instanceof HubError ? o.error.message : '医保中心无响应' });
    }
  }

  private set(status: HubStatus): HubStatus {
    try {
      this.options.report(status);
    } catch (e) {
      log.error({ err: e }, 'reporting hub status failed');
    }
    return status;
  }
}
