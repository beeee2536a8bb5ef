// The signed-in frame: side menu (regions, centers, coverage), header with language switch and
// user menu, and the routed page.
import { ApartmentOutlined, EnvironmentOutlined, HomeOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Typography } from 'antd';
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { useAuth } from './features/auth/AuthProvider';
import { UserMenu } from './features/auth/UserMenu';
import { LanguageSwitch } from './ui/LanguageSwitch';
import { LoadingState } from './ui/states';

const NAV = [
  { key: '/regions', icon: <ApartmentOutlined />, label: 'navRegions', testId: 'nav-regions' },
  { key: '/centers', icon: <HomeOutlined />, label: 'navCenters', testId: 'nav-centers' },
  { key: '/coverage', icon: <EnvironmentOutlined />, label: 'navCoverage', testId: 'nav-coverage' },
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
          items={NAV.map((n) => ({
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
