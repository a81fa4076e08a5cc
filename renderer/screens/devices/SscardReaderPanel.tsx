// IT admin: add a 社保卡 reader (issue 5). One form per connection kind — PC/SC, serial, HID or the
// national library — producing the `{driver:'sscard', transport, options}` entry the host checks
// and connects (option shapes: docs/sscard.md "Configuration"). The configuration is read afresh
// right before saving so a reader added in the panel above is never overwritten.
import { useState } from 'react';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT, type MessageKey } from '../../i18n';

type Transport = 'pcsc' | 'serial' | 'hid' | 'heasec';
const TRANSPORTS: Transport[] = ['pcsc', 'serial', 'hid', 'heasec'];
const BAUDS = [9600, 19200, 38400, 57600, 115200];

interface Draft {
  transport: Transport;
  id: string;
  label: string;
  reader: string;
  psamReader: string;
  path: string;
  baudRate: number;
  noPsam: boolean;
}

const EMPTY: Draft = { transport: 'pcsc', id: '', label: '', reader: '', psamReader: '', path: '', baudRate: 115200, noPsam: false };

/** The configuration entry the form describes (the host validates it and fills defaults). */
export function sscardEntryOf(d: Draft): Record<string, unknown> {
  const base = { driver: 'sscard', id: d.id.trim(), enabled: true, transport: d.transport, ...(d.label.trim() ? { label: d.label.trim() } : {}) };
  const psam = d.noPsam ? { psamSlot: null } : {};
  switch (d.transport) {
    case 'pcsc':
      return { ...base, options: { reader: d.reader.trim(), ...(d.noPsam ? { psamReader: null } : d.psamReader.trim() ? { psamReader: d.psamReader.trim() } : {}) } };
    case 'serial':
      return { ...base, options: { serial: { path: d.path.trim() }, baudRate: d.baudRate, ...psam } };
    case 'hid':
      return { ...base, options: { hid: { path: d.path.trim() }, ...psam } };
    case 'heasec':
      return { ...base, options: d.path.trim() ? { path: d.path.trim() } : {} };
  }
}

export function SscardReaderPanel({ onSaved }: { onSaved(): void }) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  async function add(): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    try {
      const entry = sscardEntryOf(draft);
      const current = await api.config.get({});
      await api.config.update({ patch: { devices: { readers: [...current.config.devices.readers, entry] } } });
      setNotice(t('sscard.config.added', { id: String(entry.id) }));
      setDraft(EMPTY);
      onSaved();
    } catch (e) {
      setError(e);
    }
  }

  const text = (key: keyof Draft, label: MessageKey, hint?: MessageKey) => (
    <Field label={t(label)} {...(hint ? { hint: t(hint) } : {})}>
      {(id) => <input id={id} value={String(draft[key])} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} maxLength={260} />}
    </Field>
  );

  return (
    <section className="device-config" aria-label={t('sscard.config.title')} data-testid="sscard-config">
      <h3>{t('sscard.config.title')}</h3>
      <p className="field-hint">{t('sscard.config.hint')}</p>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <Field label={t('sscard.config.transport')}>
          {(id) => (
            <select id={id} value={draft.transport} onChange={(e) => setDraft({ ...draft, transport: e.target.value as Transport })}>
              {TRANSPORTS.map((x) => (
                <option key={x} value={x}>
                  {t(`sscard.config.transport.${x}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('id', 'sscard.config.id', 'sscard.config.idHint')}
        {text('label', 'sscard.config.label')}
        {draft.transport === 'pcsc' && (
          <>
            {text('reader', 'sscard.config.reader', 'sscard.config.readerHint')}
            {!draft.noPsam && text('psamReader', 'sscard.config.psamReader', 'sscard.config.psamReaderHint')}
          </>
        )}
        {draft.transport === 'serial' && (
          <>
            {text('path', 'sscard.config.port', 'sscard.config.portHint')}
            <Field label={t('sscard.config.baud')}>
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
          </>
        )}
        {draft.transport === 'hid' && text('path', 'sscard.config.hidPath', 'sscard.config.hidPathHint')}
        {draft.transport === 'heasec' && text('path', 'sscard.config.library', 'sscard.config.libraryHint')}
        {draft.transport !== 'heasec' && (
          <Field label={t('sscard.config.noPsam')}>
            {(id) => <input id={id} type="checkbox" checked={draft.noPsam} onChange={(e) => setDraft({ ...draft, noPsam: e.target.checked })} />}
          </Field>
        )}
        <div className="actions">
          <button type="submit" className="primary">
            {t('sscard.config.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
