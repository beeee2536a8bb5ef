// The frame of every page: a top bar with the language and elder-mode switches, the page,
// and a bottom bar with the big tabs (near me, search, order, my orders, community, me).
import {
  BillOutline,
  EnvironmentOutline,
  SearchOutline,
  TeamOutline,
  TruckOutline,
  UserOutline,
} from 'antd-mobile-icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { ElderModeSwitch } from '../features/settings/ElderModeSwitch';
import { LangSwitch } from '../features/settings/LangSwitch';
import { MessagesBell } from '../features/messages/MessagesBell';
import { LoadingView } from './StateViews';
import { NAMESPACES } from '../i18n';

/** The bottom bar's tabs; only "near me" at `/` must match exactly. */
const TABS = [
  { to: '/', end: true, testId: 'nav-near-me', Icon: EnvironmentOutline, label: 'navNearMe' },
  { to: '/services', end: false, testId: 'nav-services', Icon: SearchOutline, label: 'navServices' },
  { to: '/mobile', end: false, testId: 'nav-mobile', Icon: TruckOutline, label: 'navMobile' },
  { to: '/orders', end: false, testId: 'nav-orders', Icon: BillOutline, label: 'navOrders' },
  { to: '/community', end: false, testId: 'nav-community', Icon: TeamOutline, label: 'navCommunity' },
  { to: '/account', end: false, testId: 'nav-account', Icon: UserOutline, label: 'navAccount' },
] as const;

export function AppShell() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar-title">{t('appTitle')}</span>
        <div className="topbar-actions">
          <MessagesBell />
          <ElderModeSwitch />
          <LangSwitch />
        </div>
      </header>
      <main className="app-main">
        <Suspense fallback={<LoadingView lines={5} testId="page-loading" />}>
          <Outlet />
        </Suspense>
      </main>
      <nav className="tabbar" aria-label={t('appTitle')}>
        {TABS.map(({ to, end, testId, Icon, label }) => (
          <NavLink key={to} to={to} end={end} className="tabbar-item" data-testid={testId}>
            <Icon aria-hidden="true" className="tabbar-icon" />
            <span>{t(label)}</span>
          </NavLink>
        ))}
      </nav>
      <ScrollRestoration />
    </div>
  );
}
