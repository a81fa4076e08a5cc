// The status bar's single source of truth: hub, devices, catalogue, offline queue.
// Each service reports its part; the host streams every change to all windows ('status.changed').
import { EventEmitter } from 'node:events';
import type { DeviceStatus, Mode, TerminalStatus } from '@src/contract/methods/system';

export class StatusBoard {
  private status: TerminalStatus;
  private readonly emitter = new EventEmitter();

  constructor(mode: Mode) {
    this.status = {
      mode,
      hub: { state: 'unknown' },
      devices: [],
      catalog: { syncing: false },
      queue: { depth: 0, amountFen: 0, flushing: false },
    };
  }

  get(): TerminalStatus {
    return this.status;
  }

  setHub(hub: TerminalStatus['hub']): void {
    const since = hub.state === this.status.hub.state ? this.status.hub.since : new Date().toISOString();
    this.update({ hub: { ...hub, ...(since ? { since } : {}) } });
  }

  setDevices(devices: DeviceStatus[]): void {
    this.update({ devices });
  }

  setCatalog(catalog: TerminalStatus['catalog']): void {
    this.update({ catalog });
  }

  setQueue(queue: TerminalStatus['queue']): void {
    this.update({ queue });
  }

  private update(part: Partial<TerminalStatus>): void {
    const next = { ...this.status, ...part };
    if (JSON.stringify(next) === JSON.stringify(this.status)) return;
    this.status = next;
    this.emitter.emit('change', next);
  }

  onChange(listener: (status: TerminalStatus) => void): () => void {
    this.emitter.on('change', listener);
    return () => this.emitter.off('change', listener);
  }
}
