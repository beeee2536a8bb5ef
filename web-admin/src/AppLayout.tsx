// The signed-in frame: side menu (regions, centers, coverage), header with language switch and
// user menu, and the routed page.
import {
  ApiOutlined,
  ApartmentOutlined,
  FileSearchOutlined,
  ScheduleOutlined,
  TeamOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  FormOutlined,
  HomeOutlined,
  ProfileOutlined,
  ProjectOutlined,
  ShoppingCartOutlined,
  UnorderedListOutlined,
  AlertOutlined,
} from '@ant-design/icons';
import { Flex, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './features/auth/AuthProvider';
import { UserMenu } from './features/auth/UserMenu';
import { NotificationBell } from './features/notifications/NotificationBell';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { LoadingState } from './ui/states';

const NAV = [
  {
    key: '/dashboard',
    icon: <DashboardOutlined />,
    label: 'dashboardNav',
    testId: 'nav-dashboard',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  { key: '/regions', icon: <ApartmentOutlined />, label: 'navRegions', testId: 'nav-regions' },
  { key: '/centers', icon: <HomeOutlined />, label: 'navCenters', testId: 'nav-centers' },
  { key: '/coverage', icon: <EnvironmentOutlined />, label: 'navCoverage', testId: 'nav-coverage' },
  {
    key: '/menus',
    icon: <ProfileOutlined />,
    label: 'menusNav',
    testId: 'nav-menus',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/orders',
    icon: <ShoppingCartOutlined />,
    label: 'ordersNav',
    testId: 'nav-orders',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/review',
    icon: <BarChartOutlined />,
    label: 'reviewNav',
    testId: 'nav-review',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/planning',
    icon: <UnorderedListOutlined />,
    label: 'planningNav',
    testId: 'nav-planning',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/projects',
    icon: <ProjectOutlined />,
    label: 'projectBoardNav',
    testId: 'nav-projects',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/surveys',
    icon: <FormOutlined />,
    label: 'surveyNav',
    testId: 'nav-surveys',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/evaluations',
    icon: <AuditOutlined />,
    label: 'evaluationNav',
    testId: 'nav-evaluations',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF', 'EVALUATOR'],
  },
  {
    key: '/cases',
    icon: <AlertOutlined />,
    label: 'casesNav',
    testId: 'nav-cases',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF'],
  },
  {
    key: '/people',
    icon: <TeamOutlined />,
    label: 'peopleNav',
    testId: 'nav-people',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN'],
  },
  {
    key: '/team',
    icon: <ScheduleOutlined />,
    label: 'teamNav',
    testId: 'nav-team',
    roles: ['DISTRICT_ADMIN', 'STREET_ADMIN', 'CENTER_STAFF'],
  },
  {
    key: '/audit',
    icon: <FileSearchOutlined />,
    label: 'auditNav',
    testId: 'nav-audit',
    roles: ['DISTRICT_ADMIN'],
  },
  {
    key: '/integrations',
    icon: <ApiOutlined />,
    label: 'integrationsNav',
    testId: 'nav-integrations',
    roles: ['DISTRICT_ADMIN'],
  },
] as const;

export function AppLayout() {
  const { t } = useTranslation();
  const { viewer, signOut } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const selected = NAV.find(
    (n) => location.pathname === n.key || location.pathname.startsWith(`${n.key}/`),
  )?.key;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} width={208} theme="dark">
        <div
          style={{
            minHeight: 56,
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'center',
            textAlign: 'center',
            color: '#fff',
            fontWeight: 600,
            fontSize: collapsed ? 14 : 15,
            lineHeight: 1.3,
            padding: '8px 12px',
            overflow: 'hidden',
          }}
        >
          {collapsed ? t('admin:appShortName') : t('common:appName')}
        </div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          onClick={({ key }) => navigate(key)}
          items={NAV.filter(
            // Entries with roles show only to those roles (the server refuses the others anyway).
            (n) =>
              !('roles' in n) || (viewer !== null && (n.roles as readonly string[]).includes(viewer.role)),
          ).map((n) => ({
            key: n.key,
            icon: n.icon,
            label: <span data-testid={n.testId}>{t(`admin:${n.label}`)}</span>,
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            padding: '0 24px',
            borderBottom: '1px solid #f0f0f0',
            display: 'flex',
            alignItems: 'center',
          }}
        >
          <Typography.Text type="secondary" style={{ flex: 1 }}>
            {t('admin:consoleTitle')}
          </Typography.Text>
          <Flex align="center" gap={16}>
            <LanguageSwitch />
            {viewer ? <NotificationBell /> : null}
            {viewer ? <UserMenu user={viewer} onLogout={signOut} /> : null}
          </Flex>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
