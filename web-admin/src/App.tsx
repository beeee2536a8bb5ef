// Providers (antd locale, session + urql) and the routes; pages are loaded on demand.
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';
import { AuthProvider } from './features/auth/AuthProvider';
import { RequireAuth } from './features/auth/RequireAuth';
import { HomeRedirect } from './features/dashboard/HomeRedirect';
import { LoadingState } from './ui/states';

const LoginPage = lazy(() => import('./features/auth/LoginPage'));
// the signed-in shell (menu, notification bell, icons) is not part of the login page's JavaScript
const AppLayout = lazy(() => import('./AppLayout').then((m) => ({ default: m.AppLayout })));
const RegionsPage = lazy(() => import('./features/regions/RegionsPage'));
const CentersPage = lazy(() => import('./features/centers/CentersPage'));
const CenterDetailPage = lazy(() => import('./features/centers/CenterDetailPage'));
const CoveragePage = lazy(() => import('./features/coverage/CoveragePage'));
const MenusPage = lazy(() => import('./features/menus/MenusPage'));
const OrdersPage = lazy(() => import('./features/orders/OrdersPage'));
const MenuReviewPage = lazy(() => import('./features/menu-review/MenuReviewPage'));
const PlanningPage = lazy(() => import('./features/planning/PlanningPage'));
const ProjectsBoard = lazy(() => import('./features/projects/ProjectsBoard'));
const ProjectDetailPage = lazy(() => import('./features/projects/ProjectDetailPage'));
const DashboardPage = lazy(() => import('./features/dashboard/DashboardPage'));
const EvaluationsPage = lazy(() => import('./features/evaluations/EvaluationsPage'));
const SurveysPage = lazy(() => import('./features/surveys/SurveysPage'));
const SurveyDetailPage = lazy(() => import('./features/surveys/SurveyDetailPage'));
const CasesPage = lazy(() => import('./features/cases/CasesPage'));
const CaseDetailPage = lazy(() => import('./features/cases/CaseDetailPage'));
const CaseSettingsPage = lazy(() => import('./features/cases/CaseSettingsPage'));
const NotFoundPage = lazy(() => import('./ui/NotFoundPage'));
const ChangePasswordPage = lazy(() => import('./features/auth/ChangePasswordPage'));
const PeoplePage = lazy(() => import('./features/people/PeoplePage'));
const TeamPage = lazy(() => import('./features/team/TeamPage'));
const AuditLogPage = lazy(() => import('./features/audit/AuditLogPage'));
const IntegrationsPage = lazy(() => import('./features/integrations/IntegrationsPage'));

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
                  <Route index element={<HomeRedirect />} />
                  <Route path="regions" element={<RegionsPage />} />
                  <Route path="centers" element={<CentersPage />} />
                  <Route path="centers/:id" element={<CenterDetailPage />} />
                  <Route path="coverage" element={<CoveragePage />} />
                  <Route path="menus" element={<MenusPage />} />
                  <Route path="orders" element={<OrdersPage />} />
                  <Route path="review" element={<MenuReviewPage />} />
                  <Route path="planning" element={<PlanningPage />} />
                  <Route path="projects" element={<ProjectsBoard />} />
                  <Route path="projects/:id" element={<ProjectDetailPage />} />
                  <Route path="dashboard" element={<DashboardPage />} />
                  <Route path="surveys" element={<SurveysPage />} />
                  <Route path="surveys/:id" element={<SurveyDetailPage />} />
                  <Route path="evaluations" element={<EvaluationsPage />} />
                  <Route path="cases" element={<CasesPage />} />
                  <Route path="cases/settings" element={<CaseSettingsPage />} />
                  <Route path="cases/:id" element={<CaseDetailPage />} />
                  <Route path="change-password" element={<ChangePasswordPage />} />
                  <Route path="people" element={<PeoplePage />} />
                  <Route path="team" element={<TeamPage />} />
                  <Route path="audit" element={<AuditLogPage />} />
                  <Route path="integrations" element={<IntegrationsPage />} />
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
