import { ComponentType } from 'react';
import type { Me } from '../auth/session';
import { AuditPage } from './AuditPage';
import { FailuresPage } from './FailuresPage';
import { HomePage } from './HomePage';
import { NotificationsPage } from './NotificationsPage';
import { PostDetailPage } from './PostDetailPage';
import { PostsPage } from './PostsPage';
import { UnitsPage } from './UnitsPage';
import { UsersPage } from './UsersPage';
import { AccountsPage } from './accounts/AccountsPage';
import { AnalyticsPage, MonthlyReportPage } from './analytics/lazy-pages';
import { InboxPage } from './aduan/InboxPage';
import { CalendarPage } from './content/CalendarPage';
import { ComposerPage } from './content/ComposerPage';
import { ImportPage } from './content/ImportPage';
import { MediaPage } from './content/MediaPage';
import { PlanningPage } from './content/PlanningPage';
import { WilayahImportPage } from './units/WilayahImportPage';
import { ReviewPage } from './content/ReviewPage';

/** Every page of the console: its path, its nav label key, and the component. Later issues add theirs here. */
export interface PageDef {
  path: string;
  labelKey: string;
  icon: string;
  component: ComponentType;
  /** Shown in the navigation (and reachable) only when this says so; absent = every logged-in user. */
  visible?: (me: Me) => boolean;
  /** false: reachable by link only (detail pages), not listed in the navigation. */
  nav?: false;
}

export const PAGES: PageDef[] = [
  { path: '/', labelKey: 'nav.home', icon: '⌂', component: HomePage },
  { path: '/units', labelKey: 'nav.units', icon: '▦', component: UnitsPage },
  { path: '/units/import', labelKey: 'nav.wilayahImport', icon: '⇩', component: WilayahImportPage, nav: false },
  { path: '/users', labelKey: 'nav.users', icon: '☺', component: UsersPage, visible: (me) => me.canManageUsers },
  { path: '/audit', labelKey: 'nav.audit', icon: '✎', component: AuditPage, visible: (me) => me.isCityAdmin },
  { path: '/accounts', labelKey: 'nav.accounts', icon: '◎', component: AccountsPage },
  { path: '/posts/new', labelKey: 'content.nav.compose', icon: '✚', component: ComposerPage, visible: (me) => me.memberships.some((m) => m.role === 'admin') },
  { path: '/posts', labelKey: 'nav.posts', icon: '☷', component: PostsPage },
  { path: '/calendar', labelKey: 'nav.calendar', icon: '▤', component: CalendarPage },
  { path: '/review', labelKey: 'nav.review', icon: '✓', component: ReviewPage, visible: (me) => me.memberships.some((m) => m.role === 'reviewer') },
  { path: '/media', labelKey: 'nav.media', icon: '▣', component: MediaPage, visible: (me) => me.memberships.some((m) => m.role === 'admin') },
  { path: '/posts/import', labelKey: 'content.nav.import', icon: '⇪', component: ImportPage, visible: (me) => me.memberships.some((m) => m.role === 'admin') },
  { path: '/planning', labelKey: 'content.nav.planning', icon: '☰', component: PlanningPage },
  { path: '/posts/detail', labelKey: 'publishing.detail.title', icon: '⇧', component: PostDetailPage, nav: false },
  { path: '/analytics', labelKey: 'nav.analytics', icon: '◔', component: AnalyticsPage },
  { path: '/analytics/monthly', labelKey: 'nav.analyticsMonthly', icon: '▥', component: MonthlyReportPage, nav: false },
  { path: '/aduan', labelKey: 'nav.aduan', icon: '✆', component: InboxPage },
  { path: '/notifications', labelKey: 'nav.notifications', icon: '✉', component: NotificationsPage },
  { path: '/publishing/problems', labelKey: 'nav.failures', icon: '⚠', component: FailuresPage },
];
