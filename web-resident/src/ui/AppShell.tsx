// The frame of every page: a top bar with the language and elder-mode switches, the page,
// and a bottom bar with the two big tabs.
import { EnvironmentOutline, SearchOutline } from 'antd-mobile-icons';
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, ScrollRestoration } from 'react-router-dom';
import { ElderModeSwitch } from '../features/settings/ElderModeSwitch';
import { LangSwitch } from '../features/settings/LangSwitch';
import { LoadingView } from './StateViews';
import { NAMESPACES } from '../i18n';

export function AppShell() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="app">
      <header className="topbar">
        <span className="topbar-title">{t('appTitle')}</span>
        <div className="topbar-actions">
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
        <NavLink to="/" end className="tabbar-item" data-testid="nav-near-me">
          <EnvironmentOutline aria-hidden="true" className="tabbar-icon" />
          <span>{t('navNearMe')}</span>
        </NavLink>
        <NavLink to="/services" className="tabbar-item" data-testid="nav-services">
          <SearchOutline aria-hidden="true" className="tabbar-icon" />
          <span>{t('navServices')}</span>
        </NavLink>
      </nav>
      <ScrollRestoration />
    </div>
  );
}
