// 居民需求: what the neighbours of my community asked for, newest first, each with its +N and the
// "附议 +1" button; "提需求" raises a new one. A demand just raised comes back on top, outlined.
import { AddOutline } from 'antd-mobile-icons';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { CursorPageItems } from '../../ui/CursorPageItems';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyView } from '../../ui/StateViews';
import { type CursorPage, useCursorPages } from '../../ui/use-cursor-pages';
import { CommunityGate, CurrentCommunity } from './CommunityGate';
import { DemandCard, type SecondAction } from './DemandCard';
import { useSecondDemand } from './use-second-demand';
import '../account/account.css';
import './community.css';

/** Demands per page. */
export const DEMANDS_PAGE_SIZE = 10;

/** Router state after raising a demand: the list outlines it. */
export interface DemandsLocationState {
  raisedDemandId?: string;
}

const CommunityDemandsQuery = graphql(`
  query CommunityDemands($filter: DemandFilter, $first: Int!, $after: String) {
    demands(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...DemandCard_DemandFragment
        }
      }
    }
  }
`);

export default function DemandsPage() {
  const { t } = useTranslation(NAMESPACES);
  const location = useLocation();
  const raisedId = (location.state as DemandsLocationState | null)?.raisedDemandId ?? null;

  return (
    <div className="page demands-page" data-testid="demands-page">
      <PageHeader title={t('demandsTitle')} back />
      <CommunityGate next="/community/demands">
        {(community) => (
          <>
            <CurrentCommunity community={community} next="/community/demands" />
            <p className="page-intro">{t('demandsIntro')}</p>
            <Link
              className="big-button big-button-primary"
              to="/community/demands/new"
              data-testid="demand-new"
            >
              <AddOutline aria-hidden="true" />
              {t('demandNew')}
            </Link>
            <DemandList key={community.id} communityId={community.id} raisedId={raisedId} />
          </>
        )}
      </CommunityGate>
    </div>
  );
}

function DemandList({ communityId, raisedId }: { communityId: string; raisedId: string | null }) {
  const { pages } = useCursorPages();
  const onSecond = useSecondDemand();
  return (
    <ul className="card-list demand-list" data-testid="demand-list">
      {pages.map((page) => (
        <DemandsPageItems
          key={page.after ?? 'first'}
          page={page}
          communityId={communityId}
          raisedId={raisedId}
          onSecond={onSecond}
        />
      ))}
    </ul>
  );
}

function DemandsPageItems({
  page,
  communityId,
  raisedId,
  onSecond,
}: {
  page: CursorPage;
  communityId: string;
  raisedId: string | null;
  onSecond: SecondAction;
}) {
  const { t } = useTranslation(NAMESPACES);
  // an empty answer holds no Demand to invalidate: name the type so a new demand refetches it
  const context = useMemo(() => ({ additionalTypenames: ['Demand'] }), []);
  const query = useQuery({
    query: CommunityDemandsQuery,
    variables: { filter: { regionId: communityId }, first: DEMANDS_PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
    context,
  });
  return (
    <CursorPageItems
      page={page}
      query={query}
      connection={query[0].data?.demands}
      loadingTestId="demands-loading"
      totalTestId="demands-total"
      totalText={(count) => t('demandsTotal', { count })}
      empty={<EmptyView title={t('demandsEmpty')} hint={t('demandsEmptyHint')} testId="demands-empty" />}
      renderItem={(demand) => (
        <DemandCard demand={demand} onSecond={onSecond} highlight={demand.id === raisedId} />
      )}
    />
  );
}
