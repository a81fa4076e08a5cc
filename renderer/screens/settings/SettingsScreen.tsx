// IT admin: the terminal configuration. Each value is validated by the host as a whole; a refused
// save changes nothing and names the field and the rule in Chinese.
import { useEffect, useMemo, useState } from 'react';
import type { TerminalConfig } from '@src/contract/config';
import { api } from '../../bridge/api';
import { ErrorBanner, Notice } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { useT, type MessageKey } from '../../i18n';

type FieldKind = { type: 'text' } | { type: 'password' } | { type: 'number' } | { type: 'select'; options: { value: string; label: MessageKey | string }[] };

interface FieldDef {
  path: string;
  label: string;
  kind: FieldKind;
  /** Shown only when this predicate holds on the draft. */
  when?: (draft: Record<string, unknown>) => boolean;
}

const text: FieldKind = { type: 'text' };
const num: FieldKind = { type: 'number' };

const SECTIONS: { title: MessageKey; fields: FieldDef[] }[] = [
  {
    title: 'settings.institution',
    fields: [
      { path: 'institution.code', label: '定点医药机构编号 fixmedins_code', kind: text },
      { path: 'institution.name', label: '机构名称 fixmedins_name', kind: text },
      { path: 'institution.kind', label: '机构类型', kind: { type: 'select', options: [{ value: 'hospital', label: 'settings.kind.hospital' }, { value: 'pharmacy', label: 'settings.kind.pharmacy' }] } },
      { path: 'institution.level', label: '医院等级', kind: { type: 'select', options: [{ value: '', label: '—' }, { value: '1', label: '一级' }, { value: '2', label: '二级' }, { value: '3', label: '三级' }] } },
      { path: 'mdtrtareaAdmvs', label: '就医地医保区划 mdtrtarea_admvs', kind: text },
    ],
  },
  {
    title: 'settings.hub',
    fields: [
      { path: 'hub.url', label: '中心地址', kind: text },
      { path: 'hub.recerSysCode', label: '接收方系统代码 recer_sys_code', kind: text },
      { path: 'hub.infver', label: '接口版本号 infver', kind: text },
      { path: 'hub.signtype', label: '签名类型 signtype', kind: text },
      {
        path: 'hub.gateway.scheme',
        label: '网关认证',
        kind: { type: 'select', options: [{ value: 'none', label: 'settings.gateway.none' }, { value: 'tif', label: 'settings.gateway.tif' }, { value: 'csb', label: 'settings.gateway.csb' }] },
      },
      { path: 'hub.gateway.paasId', label: 'paasid', kind: text, when: (d) => get(d, 'hub.gateway.scheme') === 'tif' },
      { path: 'hub.gateway.paasToken', label: 'paas token', kind: { type: 'password' }, when: (d) => get(d, 'hub.gateway.scheme') === 'tif' },
      { path: 'hub.gateway.apiName', label: '_api_name', kind: text, when: (d) => get(d, 'hub.gateway.scheme') === 'csb' },
      { path: 'hub.gateway.apiVersion', label: '_api_version', kind: text, when: (d) => get(d, 'hub.gateway.scheme') === 'csb' },
      { path: 'hub.gateway.accessKey', label: 'access key', kind: text, when: (d) => get(d, 'hub.gateway.scheme') === 'csb' },
      { path: 'hub.gateway.secretKey', label: 'secret key', kind: { type: 'password' }, when: (d) => get(d, 'hub.gateway.scheme') === 'csb' },
    ],
  },
  {
    title: 'settings.timeouts',
    fields: [
      { path: 'timeouts.settlementBudgetMs', label: '结算总时限（毫秒）', kind: num },
      { path: 'timeouts.callTimeoutMs', label: '单次调用超时（毫秒）', kind: num },
      { path: 'timeouts.probeIntervalMs', label: '联网探测间隔（毫秒）', kind: num },
    ],
  },
  {
    title: 'settings.terminal',
    fields: [
      { path: 'terminal.terminalId', label: '终端编号', kind: text },
      { path: 'terminal.devNo', label: '设备编号 dev_no', kind: text },
      { path: 'terminal.mac', label: 'MAC', kind: text },
      { path: 'terminal.ip', label: 'IP', kind: text },
    ],
  },
  {
    title: 'settings.security',
    fields: [
      { path: 'security.idleLockMinutes', label: '空闲锁屏（分钟）', kind: num },
      { path: 'security.maxFailedLogins', label: '连续登录失败锁定次数', kind: num },
      { path: 'security.lockoutMinutes', label: '锁定时长（分钟）', kind: num },
      { path: 'ui.locale', label: '界面语言', kind: { type: 'select', options: [{ value: 'zh-CN', label: '中文' }, { value: 'en', label: 'English' }] } },
    ],
  },
];

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setIn(obj: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...obj, [head]: value };
  const child = (obj[head] && typeof obj[head] === 'object' ? obj[head] : {}) as Record<string, unknown>;
  return { ...obj, [head]: setIn(child, rest.join('.'), value) };
}

export function SettingsScreen() {
  const t = useT();
  const [loaded, setLoaded] = useState<{ config: TerminalConfig; mode: 'training' | 'live' }>();
  const [draft, setDraft] = useState<Record<string, unknown>>({});
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  useEffect(() => {
    api.config
      .get({})
      .then((r) => {
        setLoaded(r);
        setDraft(r.config as unknown as Record<string, unknown>);
      })
      .catch(setError);
  }, []);

  const dirty = useMemo(() => (loaded ? JSON.stringify(loaded.config) !== JSON.stringify(draft) : false), [loaded, draft]);

  async function save(): Promise<void> {
    setError(undefined);
    setNotice(undefined);
    try {
      const draftForSave = get(draft, 'institution.level') === '' ? setIn(draft, 'institution.level', undefined) : draft;
      const r = await api.config.update({ patch: draftForSave });
      setLoaded({ config: r.config, mode: loaded!.mode });
      setDraft(r.config as unknown as Record<string, unknown>);
      setNotice(r.changed.length ? t('settings.saved', { paths: r.changed.join('、') }) : t('settings.unchanged'));
    } catch (e) {
      setError(e);
    }
  }

  async function switchMode(): Promise<void> {
    if (!loaded) return;
    try {
      const r = await api.config.setMode({ mode: loaded.mode === 'training' ? 'live' : 'training' });
      setNotice(r.restartRequired ? t('settings.mode.restart') : t('settings.unchanged'));
    } catch (e) {
      setError(e);
    }
  }

  if (!loaded) return <section className="screen">{error ? <ErrorBanner error={error} /> : t('common.loading')}</section>;

  return (
    <section className="screen settings-screen">
      <h1>{t('settings.title')}</h1>
      <ErrorBanner error={error} onClose={() => setError(undefined)} />
      {notice && <Notice level="success">{notice}</Notice>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {SECTIONS.map((section) => (
          <fieldset key={section.title}>
            <legend>{t(section.title)}</legend>
            <div className="form-grid">
              {section.fields
                .filter((f) => !f.when || f.when(draft))
                .map((f) => (
                  <Field key={f.path} label={f.label}>
                    {(id) =>
                      f.kind.type === 'select' ? (
                        <select id={id} name={f.path} value={String(get(draft, f.path) ?? '')} onChange={(e) => setDraft(setIn(draft, f.path, e.target.value))}>
                          {f.kind.options.map((o) => (
                            <option key={o.value} value={o.value}>
                              {o.label.includes('.') ? t(o.label as MessageKey) : o.label}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <input
                          id={id}
                          name={f.path}
                          type={f.kind.type === 'number' ? 'number' : f.kind.type === 'password' ? 'password' : 'text'}
                          value={String(get(draft, f.path) ?? '')}
                          onChange={(e) => setDraft(setIn(draft, f.path, f.kind.type === 'number' ? (e.target.value === '' ? '' : Number.parseInt(e.target.value, 10)) : e.target.value))}
                        />
                      )
                    }
                  </Field>
                ))}
            </div>
          </fieldset>
        ))}
        <div className="actions">
          <button type="submit" className="primary" disabled={!dirty}>
            {t('common.save')}
          </button>
          <button type="button" onClick={() => setDraft(loaded.config as unknown as Record<string, unknown>)} disabled={!dirty}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
      <fieldset>
        <legend>{t('settings.mode')}</legend>
        <p>{t('settings.mode.current', { mode: loaded.mode === 'training' ? t('mode.training') : t('mode.live') })}</p>
        <button type="button" onClick={() => void switchMode()}>
          {loaded.mode === 'training' ? t('settings.mode.switchToLive') : t('settings.mode.switchToTraining')}
        </button>
      </fieldset>
    </section>
  );
}
