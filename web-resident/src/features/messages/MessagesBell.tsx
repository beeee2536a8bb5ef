// The bell in the top bar: the unread count (every 30 s and when the app comes back into view),
// a tap opens 消息. Shown to signed-in residents only.
import { Badge } from 'antd-mobile';
import { BellOutline } from 'antd-mobile-icons';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { useSession } from '../account/session';
import '../cases/cases.css';

const UnreadQuery = graphql(`
  query ResidentUnread {
    unreadNotificationCount
  }
`);

const POLL_MS = 30_000;

export function MessagesBell() {
  const { t } = useTranslation(NAMESPACES);
  const session = useSession();
  const [{ data }, reexecute] = useQuery({
    query: UnreadQuery,
    pause: !session,
    requestPolicy: 'cache-and-network',
  });
  useEffect(() => {
    if (!session) return;
    const refresh = () => {
      if (document.visibilityState === 'visible') reexecute({ requestPolicy: 'network-only' });
    };
    const timer = window.setInterval(refresh, POLL_MS);
    document.addEventListener('visibilitychange', refresh);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', refresh);
    };
  }, [session, reexecute]);
  if (!session) return null;
  const count = data?.unreadNotificationCount ?? 0;
  return (
    <Link
      to="/messages"
      className="topbar-bell"
      aria-label={t('messagesBell', { count })}
      data-testid="messages-bell"
    >
      <Badge content={count > 0 ? (count > 99 ? '99+' : String(count)) : null}>
        <BellOutline aria-hidden="true" />
      </Badge>
    </Link>
  );
}
