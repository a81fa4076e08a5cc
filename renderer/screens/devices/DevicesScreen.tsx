// The device screen: every reader and scanner with its state, where it is, what it read last, a
// reconnect button; what the machine sees on its buses; the hot-plug log; what was identified
// recently. In training mode, the training panel on top. For IT staff and, in training, trainees.
import { useCallback, useEffect, useState } from 'react';
import type { DeviceInfo, HotplugEntry } from '@src/contract/methods/devices';
import { api, subscribe } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { useHotkeys } from '../../components/useHotkeys';
import { useT } from '../../i18n';
import { useTerminal } from '../../stores/terminal-store';
import { DeviceConfigPanel, type DevicePrefill } from './DeviceConfigPanel';
import { useMedia } from './medium-store';
import { TrainingPanel } from './TrainingPanel';
import { SscardReaderPanel } from './SscardReaderPanel';

type Listing = Awaited<ReturnType<typeof api.devices.list>>;

const STATE_COLOR = { connected: '#1a7f37', connecting: '#9a6700', disconnected: '#6e7781', error: '#cf222e' } as const;

function when(iso: string): string {
  return new Date(iso).toLocaleString('zh-CN', { hour12: false });
}

/**
 * Refresh the list. Not F5: that is the shell's key for 结算记录 (routes.tsx) for cashiers and
 * pharmacists, who open this screen too; F6 is what the other screens use to (re)load.
 */
const REFRESH_KEY = 'F6';

export function DevicesScreen() {
  const t = useT();
  const [listing, setListing] = useState<Listing>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [prefill, setPrefill] = useState<DevicePrefill>();
  // issue 5: bumped when the 社保卡 panel saves, so the configuration panel reloads its list.
  const [configVersion, setConfigVersion] = useState(0);
  const isAdmin = useTerminal((s) => s.session?.operator?.role === 'it_admin');
  // Keyboard-wedge capture runs for the whole shell (useDeviceInput in App.tsx), not per screen.
  const { recent, start } = useMedia();

  const reload = useCallback(() => {
    api.devices.list({}).then(setListing).catch(setError);
  }, []);

  useEffect(() => {
    start();
    reload();
    const stops = [
      subscribe('devices.status', ({ devices }) => setListing((l) => (l ? { ...l, devices } : l))),
      subscribe('devices.hotplug', (entry: HotplugEntry) => setListing((l) => (l ? { ...l, hotplug: [entry, ...l.hotplug].slice(0, 100) } : l))),
    ];
    return () => stops.forEach((s) => s());
  }, [reload, start]);

  useHotkeys({ [REFRESH_KEY]: reload });

  async function reconnect(d: DeviceInfo): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    try {
      const s = await api.devices.reconnect({ id: d.id });
      setNotice(t('devices.reconnectDone', { label: s.label, state: t(`devices.state.${s.state}`) }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="screen devices-screen">
      <h1>{t('devices.title')}</h1>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      {listing?.training && <TrainingPanel />}

      <h2>{t('devices.recent')}</h2>
      {recent.length === 0 ? (
        <p className="field-hint">{t('devices.recent.none')}</p>
      ) : (
        <ul className="device-recent" data-testid="devices-recent">
          {recent.map((r) => (
            <li key={r.seq} className={r.kind === 'error' ? 'banner banner-warning' : 'banner banner-info'}>
              <span>{new Date(r.at).toLocaleTimeString('zh-CN', { hour12: false })} </span>
              <strong>{r.kind === 'error' ? t('devices.readFailed') : t(`devices.medium.${r.kind}`)}</strong>
              <span>：{r.text}</span>
              {r.hint && <div className="banner-hint">{r.hint}</div>}
            </li>
          ))}
        </ul>
      )}

      <h2>
        {t('devices.title')}{' '}
        <button type="button" onClick={reload}>
          {t('devices.refresh')}（{REFRESH_KEY}）
        </button>
      </h2>
      {listing && listing.devices.length === 0 && <p className="field-hint">{t('devices.none')}</p>}
      <table className="data-table" data-testid="devices-table">
        <thead>
          <tr>
            <th>{t('devices.col.device')}</th>
            <th>{t('devices.col.driver')}</th>
            <th>{t('devices.col.state')}</th>
            <th>{t('devices.col.where')}</th>
            <th>{t('devices.col.since')}</th>
            <th>{t('devices.col.reconnects')}</th>
            <th>{t('devices.col.lastRead')}</th>
            <th>{t('devices.col.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {listing?.devices.map((d) => (
            <tr key={d.id} data-testid={`device-${d.id}`} data-state={d.state}>
              <td>
                {d.label}
                <div className="field-hint">{d.id}</div>
              </td>
              <td>{d.driver}</td>
              <td className={`device-state device-state-${d.state}`}>
                <span style={{ color: STATE_COLOR[d.state], fontWeight: 700 }}>● {t(`devices.state.${d.state}`)}</span>
                {d.state !== 'connected' && d.message && <div className="field-hint">{d.message}</div>}
                {d.state !== 'connected' && d.hint && <div className="field-hint">{d.hint}</div>}
              </td>
              <td>{d.path ?? '—'}</td>
              <td>{when(d.since)}</td>
              <td>{d.reconnects}</td>
              <td>{d.lastRead ? `${d.lastRead.summary}（${new Date(d.lastRead.at).toLocaleTimeString('zh-CN', { hour12: false })}）` : '—'}</td>
              <td className="row-actions">
                {d.driver !== 'wedge' && (
                  <button type="button" onClick={() => void reconnect(d)}>
                    {t('devices.reconnect')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('devices.discovered')}</h2>
      {listing && listing.discovered.length === 0 ? (
        <p className="field-hint">{t('devices.discovered.none')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>{t('devices.discovered.bus')}</th>
              <th>{t('devices.discovered.path')}</th>
              <th>{t('devices.discovered.usb')}</th>
              <th>{t('devices.discovered.product')}</th>
              {isAdmin && <th>{t('devices.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {listing?.discovered.map((d) => (
              <tr key={`${d.bus}:${d.path}`}>
                <td>{d.bus}</td>
                <td>{d.path}</td>
                <td>{d.vendorId ? `${d.vendorId}:${d.productId}` : '—'}</td>
                <td>{[d.manufacturer, d.product].filter(Boolean).join(' ') || '—'}</td>
                {isAdmin && (
                  <td className="row-actions">
                    <button type="button" onClick={() => setPrefill({ bus: d.bus, path: d.path, vendorId: d.vendorId, productId: d.productId, seq: Date.now() })}>
                      {t('devices.discovered.use')}
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {isAdmin && <DeviceConfigPanel key={configVersion} prefill={prefill} />}
      {isAdmin && <SscardReaderPanel onSaved={() => setConfigVersion((v) => v + 1)} />}

      <h2>{t('devices.hotplug')}</h2>
      {listing && listing.hotplug.length === 0 ? (
        <p className="field-hint">{t('devices.hotplug.none')}</p>
      ) : (
        <ul data-testid="devices-hotplug">
          {listing?.hotplug.map((h, i) => (
            <li key={`${h.at}-${i}`}>
              {when(h.at)} {t(`devices.hotplug.${h.change}`)} {h.bus} {h.path}
              {h.vendorId ? ` USB ${h.vendorId}:${h.productId}` : ''}
              {h.product ? ` ${h.product}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
