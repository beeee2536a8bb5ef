// Header: who is signed in (name, role, scope) and the logout action.
import { LogoutOutlined, UserOutlined, LockOutlined } from '@ant-design/icons';
import { Avatar, Dropdown, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { graphql, useFragment, type FragmentType } from '../../gql';

export const UserMenu_UserFragment = graphql(`
  fragment UserMenu_UserFragment on User {
    displayName
    role
    scope {
      id
      name
      level
    }
  }
`);

export function UserMenu({
  user,
  onLogout,
}: {
  user: FragmentType<typeof UserMenu_UserFragment>;
  onLogout: () => void;
}) {
  const { t } = useTranslation();
  const u = useFragment(UserMenu_UserFragment, user);
  const scopeLabel = u.scope ? u.scope.name : t('admin:scopeAll');
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        items: [
          {
            key: 'password',
            icon: <LockOutlined />,
            label: (
              <Link to="/change-password" data-testid="change-password-link">
                {t('admin:passwordChangeTitle')}
              </Link>
            ),
          },
          {
            key: 'logout',
            icon: <LogoutOutlined />,
            label: <span data-testid="logout-button">{t('admin:logout')}</span>,
            onClick: onLogout,
          },
        ],
      }}
    >
      <Flex align="center" gap={8} style={{ cursor: 'pointer' }} data-testid="user-menu">
        <Avatar size="small" icon={<UserOutlined />} />
        <Typography.Text strong data-testid="user-name">
          {u.displayName}
        </Typography.Text>
        <Tag color="blue" data-testid="user-role" style={{ marginInlineEnd: 0 }}>
          {t(`enum:role.${u.role}`)}
        </Tag>
        <Typography.Text type="secondary" data-testid="user-scope">
          {scopeLabel}
        </Typography.Text>
      </Flex>
    </Dropdown>
  );
}
