// Every screen of the terminal, in navigation order. A feature adds one entry here.
// `roles` decides who sees it in the menu and who may open it (the host checks again on every call).
import type { ComponentType } from 'react';
import type { Role } from '@src/contract/define';
import type { MessageKey } from '../i18n';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { CatalogScreen } from '../screens/catalog/CatalogScreen';
import { DevicesScreen } from '../screens/devices/DevicesScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { OperatorsScreen } from '../screens/operators/OperatorsScreen';
import { DifferencesScreen } from '../screens/differences/DifferencesScreen';
import { OfflineScreen } from '../screens/offline/OfflineScreen';
import { QueueScreen } from '../screens/queue/QueueScreen';
import { ReconcileScreen } from '../screens/reconcile/ReconcileScreen';
import { ReportsScreen } from '../screens/reports/ReportsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';
import { HistoryScreen } from '../screens/settlement/HistoryScreen';
import { InpatientScreen } from '../screens/settlement/InpatientScreen';
import { OutpatientScreen } from '../screens/settlement/OutpatientScreen';
import { PharmacyScreen } from '../screens/settlement/PharmacyScreen';

export interface RouteDef {
  id: string;
  title: MessageKey;
  /** Function key that opens the screen from anywhere. */
  fkey?: string;
  roles: readonly Role[] | 'all';
  /** Counter work or administration (menu sections). */
  group: 'counter' | 'admin';
  component: ComponentType;
}

export const routes: RouteDef[] = [
  { id: 'home', title: 'nav.home', fkey: 'F1', roles: 'all', group: 'counter', component: HomeScreen },
  { id: 'outpatient', title: 'nav.outpatient', fkey: 'F2', roles: ['cashier'], group: 'counter', component: OutpatientScreen },
  { id: 'pharmacy', title: 'nav.pharmacy', fkey: 'F3', roles: ['pharmacist'], group: 'counter', component: PharmacyScreen },
  { id: 'inpatient', title: 'nav.inpatient', fkey: 'F4', roles: ['cashier'], group: 'counter', component: InpatientScreen },
  { id: 'settlements', title: 'nav.settlementHistory', fkey: 'F5', roles: ['cashier', 'pharmacist'], group: 'counter', component: HistoryScreen },
  // Offline mode (issue 8): 延时结算 and the 差额 list at the counter, the queue for IT.
  { id: 'offline', title: 'nav.offline', roles: ['cashier'], group: 'counter', component: OfflineScreen },
  { id: 'differences', title: 'nav.differences', roles: ['cashier'], group: 'counter', component: DifferencesScreen },
  { id: 'queue', title: 'nav.queue', roles: ['it_admin', 'cashier'], group: 'admin', component: QueueScreen },
  { id: 'reports', title: 'nav.reports', roles: 'all', group: 'counter', component: ReportsScreen },
  { id: 'reconcile', title: 'nav.reconcile', roles: ['it_admin'], group: 'admin', component: ReconcileScreen },
  { id: 'settings', title: 'nav.settings', roles: ['it_admin'], group: 'admin', component: SettingsScreen },
  { id: 'operators', title: 'nav.operators', roles: ['it_admin'], group: 'admin', component: OperatorsScreen },
  { id: 'audit', title: 'nav.audit', roles: ['it_admin'], group: 'admin', component: AuditScreen },
  // F7 is the outpatient screen's own key for cashiers; this route is for IT admins only, so the two never meet.
  { id: 'catalog', title: 'nav.catalog', fkey: 'F7', roles: ['it_admin'], group: 'admin', component: CatalogScreen },
  { id: 'devices', title: 'nav.devices', fkey: 'F9', roles: 'all', group: 'admin', component: DevicesScreen },
];

export function mayOpen(route: RouteDef, role: Role | undefined): boolean {
  return route.roles === 'all' || (role !== undefined && route.roles.includes(role));
}
