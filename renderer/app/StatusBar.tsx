// Always visible: hub online/offline and latency, readers, catalogue version, offline-queue depth.
import { formatMoney } from '@src/common/money';
import { useT } from '../i18n';
import { useTerminal } from '../stores/terminal-store';
import { useNow } from './useNow';

function duration(fromIso: string, now: number): string {
  const s = Math.max(0, Math.floor((now - Date.parse(fromIso)) / 1000));
  if (s < 60) return `${s}秒`;
  if (s < 3600) return `${Math.floor(s / 60)}分${s % 60}秒`;
  return `${Math.floor(s / 3600)}小时${Math.floor((s % 3600) / 60)}分`;
}

export function StatusBar() {
  const t = useT();
  const { status, session } = useTerminal();
  const now = useNow(1000);
  if (!status) return <footer className="statusbar" data-testid="statusbar" />;
  const hub = status.hub;
  const devicesOk = status.devices.filter((d) => d.state === 'connected').length;
  return (
    <footer className="statusbar" data-testid="statusbar">
      <span className={`status-item hub-${hub.state}`} data-testid="status-hub" title={hub.lastError}>
        {t('status.hub')}：{t(`status.hub.${hub.state}`)}
        {hub.state === 'online' && hub.latencyMs !== undefined && ` ${Math.round(hub.latencyMs)}ms`}
        {hub.state === 'offline' && hub.since && ` · ${t('status.hub.downFor', { duration: duration(hub.since, now) })}`}
        {session?.signedIn && !session.hubSignedIn && ` · ${t('status.hub.notSignedIn')}`}
      </span>
      <span className="status-item" data-testid="status-devices" title={status.devices.map((d) => `${d.label}: ${d.state}${d.message ? ' ' + d.message : ''}`).join('\n')}>
        {t('status.devices')}：{status.devices.length === 0 ? t('status.devices.none') : `${devicesOk}/${status.devices.length}`}
      </span>
      <span className="status-item" data-testid="status-catalog">
        {t('status.catalog')}：{status.catalog.syncing ? t('status.catalog.syncing') : (status.catalog.version ?? t('status.catalog.none'))}
      </span>
      <span className={`status-item ${status.queue.depth > 0 ? 'queue-pending' : ''}`} data-testid="status-queue">
        {t('status.queue')}：{status.queue.depth}
        {status.queue.amountFen > 0 && ` (${formatMoney(status.queue.amountFen)})`}
        {status.queue.flushing && ` · ${t('status.queue.flushing')}`}
      </span>
      <span className="status-item status-operator">
        {session?.operator && `${t('status.operator')}：${session.operator.displayName}（${session.operator.username}）`}
      </span>
      <span className="status-item status-clock">{new Date(now).toLocaleTimeString('zh-CN', { hour12: false })}</span>
    </footer>
  );
}
