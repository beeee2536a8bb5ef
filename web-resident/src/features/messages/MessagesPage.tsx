// 消息: the resident's inbox — news of their reports, orders, demands, meetings in their community
// and surveys of their center — newest first, unread ones marked; a tap opens what it is about. At
// the bottom, which kinds also come by SMS (the inbox always has them).
import { Switch } from 'antd-mobile';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { showToast } from '../account/toast';
import { formatOrderTime } from '../orders/order-format';
import { messageLink } from '../cases/case-format';
import '../account/account.css';
import '../cases/cases.css';

const MessagesQuery = graphql(`
  query ResidentMessages($locale: NotificationLocale, $first: Int!) {
    unreadNotificationCount
    notifications(first: $first) {
      totalCount
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
    notificationPreferences {
      kind
      sms
      smsAvailable
    }
  }
`);

const MarkReadMutation = graphql(`
  mutation ResidentMessagesRead($ids: [ID!]) {
    markNotificationsRead(ids: $ids) {
      marked
      unread
    }
  }
`);

const PreferenceMutation = graphql(`
  mutation ResidentMessagesPreference($kind: NotificationKind!, $sms: Boolean!) {
    setNotificationPreference(kind: $kind, sms: $sms) {
      kind
      sms
      smsAvailable
    }
  }
`);

export default function MessagesPage() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: MessagesQuery,
    variables: { locale: i18n.language.startsWith('zh') ? 'ZH_CN' : 'EN', first: 50 },
    requestPolicy: 'cache-and-network',
  });
  const [, markRead] = useMutation(MarkReadMutation);
  const [, setPreference] = useMutation(PreferenceMutation);
  const refresh = () => reexecute({ requestPolicy: 'network-only' });

  if (error && !data) return <ErrorView error={error} onRetry={refresh} />;
  if (fetching && !data) return <LoadingView />;
  const items = data?.notifications.edges.map((e) => e.node) ?? [];
  const unread = data?.unreadNotificationCount ?? 0;

  return (
    <div className="page messages-page" data-testid="messages-page">
      <PageHeader title={t('messagesTitle')} back />
      <div className="messages-head">
        <span data-testid="messages-unread">{t('messagesUnread', { count: unread })}</span>
        <button
          type="button"
          className="link-button"
          disabled={!unread}
          onClick={() => void markRead({ ids: null }).then(refresh)}
          data-testid="messages-read-all"
        >
          {t('messagesReadAll')}
        </button>
      </div>
      {items.length === 0 ? (
        <EmptyView title={t('messagesEmpty')} />
      ) : (
        <ul className="message-list" data-testid="message-list">
          {items.map((n) => (
            <li key={n.id}>
              <button
                type="button"
                className={`message-item${n.readAt ? '' : ' is-unread'}`}
                data-testid="message"
                data-kind={n.kind}
                onClick={() => {
                  if (!n.readAt) void markRead({ ids: [n.id] });
                  const to = messageLink(n.subjectType, n.subjectId);
                  if (to) void navigate(to);
                  else refresh();
                }}
              >
                <span className="message-title">
                  {n.readAt ? null : <span className="message-dot" aria-label={t('messagesNew')} />}
                  {n.title}
                </span>
                <span className="message-body">{n.body}</span>
                <span className="muted message-time">{formatOrderTime(n.createdAt, i18n.language)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <Section title={t('messagesSettings')} testId="message-settings">
        <p className="muted">{t('messagesSettingsHint')}</p>
        <ul className="message-settings">
          {(data?.notificationPreferences ?? []).map((p) => (
            <li key={p.kind} className="message-setting">
              <span>{t(`enum:notificationKind.${p.kind}`)}</span>
              <Switch
                checked={p.sms && p.smsAvailable}
                disabled={!p.smsAvailable}
                aria-label={t('messagesSms', { kind: t(`enum:notificationKind.${p.kind}`) })}
                onChange={(on) =>
                  void setPreference({ kind: p.kind, sms: on }).then((r) =>
                    r.error ? showToast(t('common:error'), 'fail') : showToast(t('messagesSaved'), 'success'),
                  )
                }
              />
            </li>
          ))}
        </ul>
      </Section>
    </div>
  );
}
