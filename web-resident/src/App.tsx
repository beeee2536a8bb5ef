// Routes: every page is its own chunk (React.lazy), loaded inside the shell's <Suspense>.
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, type ReactNode, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { RequireResident, useSession } from './features/account/session';
import { sessionStore } from './features/account/session-store';
import { SettingsProvider, useSettings } from './features/settings/settings-context';
import { AppShell } from './ui/AppShell';
import { NotFound, RouteError } from './ui/RouteError';
import { createUrqlClient } from './urql';

const NearMePage = lazy(() => import('./features/near-me/NearMePage'));
const CenterDetailPage = lazy(() => import('./features/centers/CenterDetailPage'));
const ServiceSearchPage = lazy(() => import('./features/services/ServiceSearchPage'));
const LoginPage = lazy(() => import('./features/account/LoginPage'));
const AccountPage = lazy(() => import('./features/account/AccountPage'));
const HomeCenterPage = lazy(() => import('./features/account/HomeCenterPage'));
const MobileMenuPage = lazy(() => import('./features/mobile-menu/MobileMenuPage'));
const MyOrdersPage = lazy(() => import('./features/orders/MyOrdersPage'));
const CommunityPage = lazy(() => import('./features/community/CommunityPage'));
const ProjectDetailPage = lazy(() => import('./features/community/ProjectDetailPage'));
const DemandsPage = lazy(() => import('./features/community/DemandsPage'));
const NewDemandPage = lazy(() => import('./features/community/NewDemandPage'));
const PickCommunityPage = lazy(() => import('./features/community/PickCommunityPage'));
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage'));
const SurveyPage = lazy(() => import('./features/surveys/SurveyPage'));
const ReportCasePage = lazy(() => import('./features/cases/ReportCasePage'));
const MyCasesPage = lazy(() => import('./features/cases/MyCasesPage'));
const MyCasePage = lazy(() => import('./features/cases/MyCasePage'));
const MessagesPage = lazy(() => import('./features/messages/MessagesPage'));

export const routes = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <NearMePage /> },
      { path: 'centers/:id', element: <CenterDetailPage /> },
      { path: 'services', element: <ServiceSearchPage /> },
      { path: 'login', element: <LoginPage /> },
      // gates itself, so signing out there leads home rather than back to sign-in
      { path: 'account', element: <AccountPage /> },
      {
        path: 'account/center',
        element: (
          <RequireResident>
            <HomeCenterPage />
          </RequireResident>
        ),
      },
      {
        path: 'mobile',
        element: (
          <RequireResident>
            <MobileMenuPage />
          </RequireResident>
        ),
      },
      {
        path: 'orders',
        element: (
          <RequireResident>
            <MyOrdersPage />
          </RequireResident>
        ),
      },
      // our community: its projects and residents' demands (社区)
      {
        path: 'community',
        element: (
          <RequireResident>
            <CommunityPage />
          </RequireResident>
        ),
      },
      {
        path: 'community/projects/:id',
        element: (
          <RequireResident>
            <ProjectDetailPage />
          </RequireResident>
        ),
      },
      {
        path: 'community/demands',
        element: (
          <RequireResident>
            <DemandsPage />
          </RequireResident>
        ),
      },
      {
        path: 'community/demands/new',
        element: (
          <RequireResident>
            <NewDemandPage />
          </RequireResident>
        ),
      },
      {
        path: 'community/pick',
        element: (
          <RequireResident>
            <PickCommunityPage />
          </RequireResident>
        ),
      },
      // satisfaction surveys (满意度评价)
      {
        path: 'surveys',
        element: (
          <RequireResident>
            <SurveysPage />
          </RequireResident>
        ),
      },
      {
        path: 'surveys/:id',
        element: (
          <RequireResident>
            <SurveyPage />
          </RequireResident>
        ),
      },
      // residents' problems (我要反映, 我的反映) and the inbox (消息)
      {
        path: 'report',
        element: (
          <RequireResident>
            <ReportCasePage />
          </RequireResident>
        ),
      },
      {
        path: 'my-cases',
        element: (
          <RequireResident>
            <MyCasesPage />
          </RequireResident>
        ),
      },
      {
        path: 'my-cases/:id',
        element: (
          <RequireResident>
            <MyCasePage />
          </RequireResident>
        ),
      },
      {
        path: 'messages',
        element: (
          <RequireResident>
            <MessagesPage />
          </RequireResident>
        ),
      },
      { path: '*', element: <NotFound /> },
    ],
  },
];

const router = createBrowserRouter(routes);

function LocalizedApp() {
  const { locale } = useSettings();
  return (
    <ConfigProvider locale={locale === 'en' ? enUS : zhCN}>
      <RouterProvider router={router} />
    </ConfigProvider>
  );
}

/** A fresh client (and so an empty cache) for every session: one resident's orders never show
 * to the next person signing in on a shared phone. */
function ApiProvider({ children }: { children: ReactNode }) {
  const token = useSession()?.token ?? null;
  const client = useMemo(
    () =>
      createUrqlClient({
        getToken: () => sessionStore.getToken(),
        onUnauthenticated: () => sessionStore.clear(),
      }),
    // `token` is not read inside: it is the reason for a new client
    [token],
  );
  return <UrqlProvider value={client}>{children}</UrqlProvider>;
}

export default function App() {
  return (
    <ApiProvider>
      <SettingsProvider>
        <LocalizedApp />
      </SettingsProvider>
    </ApiProvider>
  );
}
