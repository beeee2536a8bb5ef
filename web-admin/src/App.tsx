// Providers (antd locale, session + urql) and the routes; pages are loaded on demand.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { AppLayout } from './AppLayout';
import { AuthProvider } from './features/auth/AuthProvider';
import { RequireAuth } from './features/auth/RequireAuth';
import { LoadingState } from './ui/states';

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
const RegionsPage = lazy(() => import('./features/regions/RegionsPage'));
const CentersPage = lazy(() => import('./features/centers/CentersPage'));
const CenterDetailPage = lazy(() => import('./features/centers/CenterDetailPage'));
const CoveragePage = lazy(() => import('./features/coverage/CoveragePage'));
const NotFoundPage = lazy(() => import('./ui/NotFoundPage'));

export function App() {
  const { i18n } = useTranslation();
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff' } }}
    >
      <AntApp>
        <AuthProvider>
          <BrowserRouter>
            <Suspense fallback={<LoadingState />}>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                <Route
                  element={
                    <RequireAuth>
                      <AppLayout />
                    </RequireAuth>
                  }
                >
                  <Route index element={<Navigate to="/centers" replace />} />
                  <Route path="regions" element={<RegionsPage />} />
                  <Route path="centers" element={<CentersPage />} />
                  <Route path="centers/:id" element={<CenterDetailPage />} />
                  <Route path="coverage" element={<CoveragePage />} />
                  <Route path="*" element={<NotFoundPage />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}
