// The bell in the header: the unread count (refreshed every 30 s and when the window regains focus)
// and the newest notifications; a click opens what it is about and marks it read.
import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Dropdown, Empty, Flex, List, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { formatDateTime } from '../orders/ordersModel';
import { notificationLink } from '../cases/casesModel';

const BellQuery = graphql(`
  query NotificationBell($locale: NotificationLocale) {
    unreadNotificationCount
    notifications(first: 10) {
      edges {
        node {
          id
          kind
          title(locale: $locale)
          body(locale: $locale)
          subjectType
          subjectId
          createdAt
          readAt
        }
      }
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation NotificationBellMarkRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      marked
      unread
    }
  }
`);

const POLL_MS = 30_000;

export function NotificationBell() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [{ data }, reexecute] = useQuery({
    query: BellQuery,
    variables: { locale: i18n.language === 'en' ? 'EN' : 'ZH_CN' },
    requestPolicy: 'cache-and-network',
  });
  const [, markRead] = useMutation(MarkReadMutation);
  useEffect(() => {
    const refresh = () => reexecute({ requestPolicy: 'network-only' });
    const timer = window.setInterval(refresh, POLL_MS);
    window.addEventListener('focus', refresh);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [reexecute]);
  const unread = data?.unreadNotificationCount ?? 0;
  const items = data?.notifications.edges.map((e) => e.node) ?? [];

  const panel = (
    <div
      style={{ width: 360, background: '#fff', borderRadius: 8, boxShadow: '0 6px 16px rgba(0,0,0,0.12)' }}
    >
      <Flex
        justify="space-between"
        align="center"
        style={{ padding: '8px 12px', borderBottom: '1px solid #f0f0f0' }}
      >
        <Typography.Text strong>{t('admin:notificationsTitle')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={!unread}
          onClick={() =>
            void markRead({ ids: null }).then(() => reexecute({ requestPolicy: 'network-only' }))
          }
          data-testid="notifications-read-all"
        >
          {t('admin:notificationsReadAll')}
        </Button>
      </Flex>
      {items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('admin:notificationsEmpty')}
          style={{ padding: 16 }}
        />
      ) : (
        <List
          size="small"
          style={{ maxHeight: 420, overflow: 'auto' }}
          dataSource={items}
          renderItem={(n) => (
            <List.Item
              style={{ cursor: 'pointer', background: n.readAt ? undefined : '#f0f7ff', padding: '8px 12px' }}
              data-testid="notification-item"
              onClick={() => {
                setOpen(false);
                if (!n.readAt)
                  void markRead({ ids: [n.id] }).then(() => reexecute({ requestPolicy: 'network-only' }));
                const to = notificationLink(n.subjectType, n.subjectId);
                if (to) navigate(to);
              }}
            >
              <Flex vertical style={{ width: '100%' }}>
                <Flex justify="space-between" gap={8}>
                  <Typography.Text strong={!n.readAt}>{n.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
                    {formatDateTime(n.createdAt)}
                  </Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {n.body}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      )}
    </div>
  );

  return (
    <Dropdown
      open={open}
      onOpenChange={setOpen}
      trigger={['click']}
      popupRender={() => panel}
      placement="bottomRight"
    >
      <Badge count={unread} size="small" offset={[-2, 2]}>
        <Button
          type="text"
          icon={<BellOutlined style={{ fontSize: 18 }} />}
          aria-label={t('admin:notificationsTitle')}
          data-testid="notification-bell"
        />
      </Badge>
    </Dropdown>
  );
}
