import { ComponentType } from 'react';
import type { Me } from '../auth/session';
import { AuditPage } from './AuditPage';
import { HomePage } from './HomePage';
import { UnitsPage } from './UnitsPage';
import { UsersPage } from './UsersPage';
import { AccountsPage } from './accounts/AccountsPage';

/** Every page of the console: its path, its nav label key, and the component. Later issues add theirs here. */
export interface PageDef {
  path: string;
  labelKey: string;
  icon: string;
  component: ComponentType;
  /** Shown in the navigation (and reachable) only when this says so; absent = every logged-in user. */
  visible?: (me: Me) => boolean;
}

export const PAGES: PageDef[] = [
  { path: '/', labelKey: 'nav.home', icon: '⌂', component: HomePage },
  { path: '/units', labelKey: 'nav.units', icon: '▦', component: UnitsPage },
  { path: '/users', labelKey: 'nav.users', icon: '☺', component: UsersPage, visible: (me) => me.canManageUsers },
  { path: '/audit', labelKey: 'nav.audit', icon: '✎', component: AuditPage, visible: (me) => me.isCityAdmin },
  { path: '/accounts', labelKey: 'nav.accounts', icon: '◎', component: AccountsPage },
];
