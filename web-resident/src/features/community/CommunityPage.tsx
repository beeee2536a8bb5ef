// 社区项目: the projects touching the resident's community — the ones under way first, each with
// its next meeting large, then the finished and rejected ones with how their last meeting ended —
// and the way to the residents' demands. One paged list (newest first) feeds both sections: each
// loaded page renders its running projects in the first and its finished ones in the second.
import { RightOutline } from 'antd-mobile-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { Section } from '../../ui/Section';
import { EmptyView, ErrorView, InlineLoading, LoadingView } from '../../ui/StateViews';
import { type CursorPage, useCursorPages } from '../../ui/use-cursor-pages';
import { isFinished } from './community-format';
import { CommunityGate, CurrentCommunity } from './CommunityGate';
import { ProjectCard } from './ProjectCard';
import '../account/account.css';
import './community.css';

/** Projects per page: small pages keep an old phone quick. */
export const PROJECTS_PAGE_SIZE = 10;

const CommunityProjectsQuery = graphql(`
  query CommunityProjects($filter: ProjectFilter, $first: Int!, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          status
          ...ProjectCard_ProjectFragment
        }
      }
    }
  }
`);

export default function CommunityPage() {
  const { t } = useTranslation(NAMESPACES);
  return (
    <div className="page community-page" data-testid="community-page">
      <PageHeader title={t('communityTitle')} />
      <CommunityGate next="/community">
        {(community) => (
          <>
            <CurrentCommunity community={community} next="/community" />
            <p className="page-intro">{t('communityIntro')}</p>
            <nav className="link-list" aria-label={t('demandsTitle')}>
              <Link
                className="link-row community-demands-link"
                to="/community/demands"
                data-testid="community-demands-link"
              >
                <span className="link-row-main">
                  <span>{t('demandsTitle')}</span>
                  <span className="link-row-sub">{t('communityDemandsHint')}</span>
                </span>
                <RightOutline aria-hidden="true" />
              </Link>
              <Link
                className="link-row community-demands-link"
                to="/report"
                data-testid="community-report-link"
              >
                <span className="link-row-main">
                  <span>{t('communityReport')}</span>
                  <span className="link-row-sub">{t('communityReportHint')}</span>
                </span>
                <RightOutline aria-hidden="true" />
              </Link>
            </nav>
            <ProjectSections key={community.id} communityId={community.id} />
          </>
        )}
      </CommunityGate>
    </div>
  );
}

/** What one loaded page holds, for the sections' empty states and the "load more" button. */
interface PageReport {
  total: number;
  active: number;
  finished: number;
  hasNext: boolean;
  endCursor: string | null;
}

const pageKey = (after: string | null) => after ?? '';

function ProjectSections({ communityId }: { communityId: string }) {
  const { t } = useTranslation(NAMESPACES);
  const { pages } = useCursorPages();
  const [reports, setReports] = useState<Record<string, PageReport>>({});
  const onReport = useCallback(
    (after: string | null, report: PageReport) =>
      setReports((all) => {
        const old = all[pageKey(after)];
        const same =
          old &&
          old.total === report.total &&
          old.active === report.active &&
          old.finished === report.finished &&
          old.hasNext === report.hasNext &&
          old.endCursor === report.endCursor;
        return same ? all : { ...all, [pageKey(after)]: report };
      }),
    [],
  );

  const loaded = pages.map((p) => reports[pageKey(p.after)]);
  const allLoaded = loaded.every(Boolean);
  const last = loaded[loaded.length - 1];
  const complete = allLoaded && !!last && !last.hasNext;
  const total = loaded[0]?.total ?? 0;
  const active = loaded.reduce((n, r) => n + (r?.active ?? 0), 0);
  const finished = loaded.reduce((n, r) => n + (r?.finished ?? 0), 0);
  const lastPage = pages[pages.length - 1];

  return (
    <>
      {loaded[0] && total > 0 && (
        <p className="list-summary" data-testid="projects-total">
          {t('projectsTotal', { count: total })}
        </p>
      )}
      <Section title={t('projectsActive')} testId="projects-active">
        <ul className="card-list" data-testid="projects-active-list">
          {pages.map((page) => (
            <ProjectsPageItems
              key={pageKey(page.after)}
              page={page}
              communityId={communityId}
              section="active"
              onReport={onReport}
            />
          ))}
        </ul>
        {complete && active === 0 && (
          <EmptyView
            title={total === 0 ? t('projectsNone') : t('projectsActiveNone')}
            hint={total === 0 ? t('projectsNoneHint') : undefined}
            testId="projects-active-empty"
          />
        )}
      </Section>
      {total > 0 && (
        <Section title={t('projectsFinished')} testId="projects-finished">
          <ul className="card-list" data-testid="projects-finished-list">
            {pages.map((page) => (
              <ProjectsPageItems
                key={pageKey(page.after)}
                page={page}
                communityId={communityId}
                section="finished"
                onReport={onReport}
              />
            ))}
          </ul>
          {complete && finished === 0 && (
            <p className="muted section-empty" data-testid="projects-finished-empty">
              {t('projectsFinishedNone')}
            </p>
          )}
        </Section>
      )}
      {last && total > 0 && (
        <div className="list-more">
          {last.hasNext && last.endCursor ? (
            <button
              type="button"
              className="big-button"
              data-testid="load-more"
              onClick={() => last.endCursor && lastPage.loadMore(last.endCursor)}
            >
              {t('loadMore')}
            </button>
          ) : (
            <p className="muted" data-testid="no-more">
              {t('noMore')}
            </p>
          )}
        </div>
      )}
    </>
  );
}

/**
 * The projects of one page that belong to one section. Both sections run the same query with the
 * same variables, so urql asks the server once; the first section shows the page's loading and
 * error states and reports what the page holds.
 */
function ProjectsPageItems({
  page,
  communityId,
  section,
  onReport,
}: {
  page: CursorPage;
  communityId: string;
  section: 'active' | 'finished';
  onReport: (after: string | null, report: PageReport) => void;
}) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CommunityProjectsQuery,
    variables: { filter: { regionId: communityId }, first: PROJECTS_PAGE_SIZE, after: page.after },
    requestPolicy: 'cache-and-network',
  });
  const connection = data?.projects;
  const primary = section === 'active';

  useEffect(() => {
    if (!primary || !connection) return;
    const statuses = connection.edges.map((e) => e.node.status);
    onReport(page.after, {
      total: connection.totalCount,
      active: statuses.filter((s) => !isFinished(s)).length,
      finished: statuses.filter((s) => isFinished(s)).length,
      hasNext: connection.pageInfo.hasNextPage,
      endCursor: connection.pageInfo.endCursor ?? null,
    });
  }, [primary, connection, onReport, page.after]);

  if (!connection) {
    if (!primary) return null;
    if (fetching)
      return (
        <li className="list-state">
          {page.isFirst ? <LoadingView lines={4} testId="projects-loading" /> : <InlineLoading />}
        </li>
      );
    if (error)
      return (
        <li className="list-state">
          <ErrorView error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        </li>
      );
    return null;
  }
  return (
    <>
      {connection.edges
        .filter((e) => isFinished(e.node.status) !== primary)
        .map((e) => (
          <ProjectCard key={e.node.id} project={e.node} />
        ))}
    </>
  );
}
