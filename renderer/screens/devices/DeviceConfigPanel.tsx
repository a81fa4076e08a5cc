// IT admin: which readers and scanners this terminal uses. Adds a device (from what the machine
// sees, or typed in), switches one off or removes it. Saved through config.update like every other
// setting: the host validates the whole `devices.readers` list (Chinese messages), applies it at
// once (the device appears in the table above and connects) and audits the change.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeviceConfig } from '@src/contract/devices-config';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT } from '../../i18n';
import { BAUDS, DRIVERS, EMPTY_DRAFT, entryOf, prefilled, SUFFIXES, whereOf, type AddableDriver, type DeviceDraft, type DevicePrefill } from './device-config-entry';

export type { DevicePrefill } from './device-config-entry';

export function DeviceConfigPanel({ prefill }: { prefill: DevicePrefill | undefined }) {
  const t = useT();
  const [readers, setReaders] = useState<DeviceConfig[]>();
  const [draft, setDraft] = useState<DeviceDraft>(EMPTY_DRAFT);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const idInput = useRef<HTMLInputElement>(null);

  const load = useCallback(() => {
    api.config
      .get({})
      .then((r) => setReaders(r.config.devices.readers))
      .catch(setError);
  }, []);
  useEffect(load, [load]);

  useEffect(() => {
    if (!prefill) return;
    setDraft((d) => prefilled(d, prefill));
    idInput.current?.focus();
  }, [prefill]);

  /**
   * Applies `change` to the list as saved now (read afresh: the 社保卡 panel below or another window may
   * have saved since this one loaded), so a save never drops somebody else's entry.
   */
  async function save(change: (current: DeviceConfig[]) => unknown[], done: string): Promise<boolean> {
    setError(undefined);
    setNotice(undefined);
    try {
      const current = (await api.config.get({})).config.devices.readers;
      const r = await api.config.update({ patch: { devices: { readers: change(current) } } });
      setReaders(r.config.devices.readers);
      setNotice(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    }
  }

  if (!readers) return <ErrorBanner error={error} />;

  const setDriver = (driver: AddableDriver): void => setDraft((d) => ({ ...d, driver, baudRate: DRIVERS.find((x) => x.value === driver)?.baud ?? d.baudRate }));

  return (
    <section className="device-config" aria-label={t('devices.config.title')} data-testid="device-config">
      <h2>{t('devices.config.title')}</h2>
      <p className="field-hint">{t('devices.config.hint')}</p>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      {readers.length === 0 ? (
        <p className="field-hint">{t('devices.config.none')}</p>
      ) : (
        <table className="data-table" data-testid="device-config-table">
          <thead>
            <tr>
              <th>{t('devices.col.device')}</th>
              <th>{t('devices.col.driver')}</th>
              <th>{t('devices.config.where')}</th>
              <th>{t('devices.col.state')}</th>
              <th>{t('devices.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {readers.map((r) => (
              <tr key={r.id} data-testid={`device-config-${r.id}`}>
                <td>
                  {r.label}
                  <div className="field-hint">{r.id}</div>
                </td>
                <td>{r.driver}</td>
                <td>{whereOf(r)}</td>
                <td>{r.enabled ? t('devices.config.enabled') : t('devices.config.disabled')}</td>
                <td className="row-actions">
                  <button type="button" onClick={() => void save((list) => list.map((x) => (x.id === r.id ? { ...x, enabled: !r.enabled } : x)), t(r.enabled ? 'devices.config.disabledDone' : 'devices.config.enabledDone', { label: r.label }))}>
                    {r.enabled ? t('devices.config.disable') : t('devices.config.enable')}
                  </button>
                  <button type="button" onClick={() => void save((list) => list.filter((x) => x.id !== r.id), t('devices.config.removed', { label: r.label }))}>
                    {t('devices.config.remove')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h3>{t('devices.config.add')}</h3>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          const entry = entryOf(draft);
          void save((list) => [...list, entry], t('devices.config.added', { id: String(entry.id) })).then((ok) => ok && setDraft(EMPTY_DRAFT));
        }}
      >
        <Field label={t('devices.config.driver')}>
          {(id) => (
            <select id={id} value={draft.driver} onChange={(e) => setDriver(e.target.value as AddableDriver)}>
              {DRIVERS.map((d) => (
                <option key={d.value} value={d.value}>
                  {t(d.label)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('devices.config.id')} hint={t('devices.config.idHint')}>
          {(id) => <input id={id} ref={idInput} value={draft.id} onChange={(e) => setDraft({ ...draft, id: e.target.value })} maxLength={32} />}
        </Field>
        <Field label={t('devices.config.label')}>{(id) => <input id={id} value={draft.label} onChange={(e) => setDraft({ ...draft, label: e.target.value })} maxLength={30} />}</Field>
        <Field label={t('devices.config.by')}>
          {(id) => (
            <select id={id} value={draft.by} onChange={(e) => setDraft({ ...draft, by: e.target.value as DeviceDraft['by'] })}>
              <option value="path">{t('devices.config.byPath')}</option>
              <option value="usb">{t('devices.config.byUsb')}</option>
            </select>
          )}
        </Field>
        {draft.by === 'path' ? (
          <Field label={t('devices.config.path')} hint={t('devices.config.pathHint')}>
            {(id) => <input id={id} value={draft.path} onChange={(e) => setDraft({ ...draft, path: e.target.value })} maxLength={260} />}
          </Field>
        ) : (
          <>
            <Field label={t('devices.config.vendorId')}>{(id) => <input id={id} value={draft.vendorId} onChange={(e) => setDraft({ ...draft, vendorId: e.target.value })} maxLength={6} />}</Field>
            <Field label={t('devices.config.productId')}>{(id) => <input id={id} value={draft.productId} onChange={(e) => setDraft({ ...draft, productId: e.target.value })} maxLength={6} />}</Field>
          </>
        )}
        {draft.driver !== 'qr-hidpos' && (
          <Field label={t('devices.config.baud')}>
            {(id) => (
              <select id={id} value={draft.baudRate} onChange={(e) => setDraft({ ...draft, baudRate: Number(e.target.value) })}>
                {BAUDS.map((b) => (
                  <option key={b} value={b}>
                    {b}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {draft.driver === 'qr-serial' && (
          <Field label={t('devices.config.suffix')}>
            {(id) => (
              <select id={id} value={draft.suffix} onChange={(e) => setDraft({ ...draft, suffix: e.target.value as DeviceDraft['suffix'] })}>
                {SUFFIXES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('devices.config.addButton')}
          </button>
        </div>
      </form>
    </section>
  );
}
