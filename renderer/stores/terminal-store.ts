// The shell's state: what terminal this is, who is signed in, the status bar.
// Kept current by host events (status.changed, session.changed) after the first load.
import { create } from 'zustand';
import type { SessionState } from '@src/contract/methods/session';
import type { SystemInfo, TerminalStatus } from '@src/contract/methods/system';
import { api, subscribe } from '../bridge/api';
import { setLocale } from '../i18n';

interface TerminalState {
  info: SystemInfo | undefined;
  session: SessionState | undefined;
  status: TerminalStatus | undefined;
  /** Connection problem with the host itself (an ApiError with a Chinese message). */
  hostProblem: unknown;
  load(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  lock(): Promise<void>;
  unlock(password: string): Promise<void>;
  refreshStatus(): Promise<void>;
}

let subscribed = false;

export const useTerminal = create<TerminalState>((set, get) => ({
  info: undefined,
  session: undefined,
  status: undefined,
  hostProblem: undefined,

  async load() {
    try {
      const [info, session] = await Promise.all([api.system.info({}), api.session.state({})]);
      setLocale(info.locale);
      set({ info, session, hostProblem: undefined });
      if (!subscribed) {
        subscribed = true;
        subscribe('status.changed', (status) => set({ status }));
        subscribe('session.changed', (session) => {
          set({ session });
          if (session.signedIn) void get().refreshStatus();
        });
      }
      if (session.signedIn) await get().refreshStatus();
    } catch (e) {
      set({ hostProblem: e });
    }
  },

  async login(username, password) {
    const session = await api.session.login({ username, password });
    set({ session });
    await get().refreshStatus();
  },

  async logout() {
    await api.session.logout({});
    set({ session: await api.session.state({}), status: undefined });
  },

  async lock() {
    await api.session.lock({});
    set({ session: await api.session.state({}) });
  },

  async unlock(password) {
    set({ session: await api.session.unlock({ password }) });
  },

  async refreshStatus() {
    try {
      set({ status: await api.system.status({}) });
    } catch {
      // Not signed in any more: session.changed will say so.
    }
  },
}));
