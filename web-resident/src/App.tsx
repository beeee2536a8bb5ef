// Routes: every page is its own chunk (React.lazy), loaded inside the shell's <Suspense>.
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { lazy, useMemo } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { SettingsProvider, useSettings } from './features/settings/settings-context';
import { AppShell } from './ui/AppShell';
import { NotFound, RouteError } from './ui/RouteError';
import { createUrqlClient } from './urql';

const NearMePage = lazy(() => import('./features/near-me/NearMePage'));
const CenterDetailPage = lazy(() => import('./features/centers/CenterDetailPage'));
const ServiceSearchPage = lazy(() => import('./features/services/ServiceSearchPage'));

export const routes = [
  {
    path: '/',
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <NearMePage /> },
      { path: 'centers/:id', element: <CenterDetailPage /> },
      { path: 'services', element: <ServiceSearchPage /> },
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

export default function App() {
  const client = useMemo(createUrqlClient, []);
  return (
    <UrqlProvider value={client}>
      <SettingsProvider>
        <LocalizedApp />
      </SettingsProvider>
    </UrqlProvider>
  );
}
