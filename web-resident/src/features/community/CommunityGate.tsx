// The community pages need to know whose community to show: until the resident has chosen one, a
// friendly prompt leads to choosing it and back. Also the "我的社区：… 更换" line.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NAMESPACES } from '../../i18n';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { communityPickPath, type CommunityMe, type HomeCommunity, useCommunityMe } from './use-community';

export function CommunityGate({
  next,
  children,
}: {
  /** where choosing the community comes back to */
  next: string;
  children: (community: HomeCommunity, me: CommunityMe) => ReactNode;
}) {
  const { t } = useTranslation(NAMESPACES);
  const { me, loading, error, retry } = useCommunityMe();
  if (loading) return <LoadingView lines={4} testId="community-loading" />;
  if (error) return <ErrorView error={error} onRetry={retry} />;
  if (!me?.homeCommunity)
    return (
      <EmptyView
        title={t('communityNeedPick')}
        hint={t('communityNeedPickHint')}
        testId="community-need-pick"
      >
        <Link
          className="big-button big-button-primary"
          to={communityPickPath(next)}
          data-testid="community-pick"
        >
          {t('communityPick')}
        </Link>
      </EmptyView>
    );
  return children(me.homeCommunity, me);
}

/** "我的社区：桃浦新村第一居委会 · 更换" */
export function CurrentCommunity({ community, next }: { community: HomeCommunity; next: string }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="current-community" data-testid="community-current">
      <span>{t('communityCurrent', { name: community.name })}</span>
      <Link className="link-button" to={communityPickPath(next)} data-testid="community-change">
        {t('communityChange')}
      </Link>
    </div>
  );
}
