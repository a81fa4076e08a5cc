// Every screen of the terminal, in navigation order. A feature adds one entry here.
// `roles` decides who sees it in the menu and who may open it (the host checks again on every call).
import type { ComponentType } from 'react';
import type { Role } from '@src/contract/define';
import type { MessageKey } from '../i18n';
import { AuditScreen } from '../screens/audit/AuditScreen';
import { DevicesScreen } from '../screens/devices/DevicesScreen';
import { HomeScreen } from '../screens/home/HomeScreen';
import { OperatorsScreen } from '../screens/operators/OperatorsScreen';
import { SettingsScreen } from '../screens/settings/SettingsScreen';

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
  { id: 'settings', title: 'nav.settings', roles: ['it_admin'], group: 'admin', component: SettingsScreen },
  { id: 'operators', title: 'nav.operators', roles: ['it_admin'], group: 'admin', component: OperatorsScreen },
  { id: 'audit', title: 'nav.audit', roles: ['it_admin'], group: 'admin', component: AuditScreen },
  { id: 'devices', title: 'nav.devices', fkey: 'F9', roles: 'all', group: 'admin', component: DevicesScreen },
];

export function mayOpen(route: RouteDef, role: Role | undefined): boolean {
  return route.roles === 'all' || (role !== undefined && route.roles.includes(role));
}
