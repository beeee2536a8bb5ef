// /projects — 项目看板: the projects of the district or one street (or touching one community) as
// a board, one column per status in the order of the flow. Cards show whether the project is paid
// from public money (财力), its budget and the next meeting; a click opens the project. Newest
// first, loaded a page at a time for the whole board; the column heads count every project.
import { CalendarOutlined } from '@ant-design/icons';
import { PROJECT_STATUSES, type ProjectStatus } from '@lc/domain';
import { Badge, Button, Card, Empty, Flex, Select, Skeleton, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../../gql';
import type { ProjectFilter, ProjectsBoardQuery } from '../../gql/graphql';
import { FilterSelect } from '../../ui/FilterSelect';
import { Page } from '../../ui/Page';
import { SearchBox } from '../../ui/SearchBox';
import { ErrorAlert, ErrorState } from '../../ui/states';
import { useUrlListState, type SearchParamsCodec } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { useMenuRegions } from '../menus/useMenuRegions';
import { formatDateTime } from '../orders/ordersModel';
import { isStreetBound } from '../planning/planningModel';
import { useLoadMorePages, type LoadedPage } from '../planning/useLoadMorePages';
import { useStreetPlaces } from '../planning/useStreetPlaces';
import {
  BOARD_COLUMNS,
  STATUS_COLORS,
  formatBudget,
  groupByStatus,
  isOverdue,
  mergePages,
} from './projectModel';

const ProjectsBoardQuery = graphql(`
  query ProjectsBoard($filter: ProjectFilter!, $first: Int!, $after: String) {
    projects(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          status
          publiclyFunded
          budgetYuan
          nextMeeting
          nextMeetingAt
          street {
            id
            name
          }
        }
      }
    }
  }
`);

const ProjectStatusCountsQuery = graphql(`
  query ProjectStatusCounts($regionId: ID, $search: String) {
    PROPOSED: projects(filter: { regionId: $regionId, search: $search, status: PROPOSED }, first: 0) {
      totalCount
    }
    HEARING: projects(filter: { regionId: $regionId, search: $search, status: HEARING }, first: 0) {
      totalCount
    }
    APPROVED: projects(filter: { regionId: $regionId, search: $search, status: APPROVED }, first: 0) {
      totalCount
    }
    IN_PROGRESS: projects(filter: { regionId: $regionId, search: $search, status: IN_PROGRESS }, first: 0) {
      totalCount
    }
    REVIEW: projects(filter: { regionId: $regionId, search: $search, status: REVIEW }, first: 0) {
      totalCount
    }
    COMPLETED: projects(filter: { regionId: $regionId, search: $search, status: COMPLETED }, first: 0) {
      totalCount
    }
    REJECTED: projects(filter: { regionId: $regionId, search: $search, status: REJECTED }, first: 0) {
      totalCount
    }
  }
`);

type Connection = ProjectsBoardQuery['projects'];
type Card = Connection['edges'][number]['node'];

const BOARD_PAGE_SIZE = 50;
const CONTEXT = { additionalTypenames: ['Project'] };

interface BoardState {
  street?: string;
  community?: string;
  search?: string;
}

const BOARD_STATE_IN_URL: SearchParamsCodec<BoardState> = {
  read: (p) => ({
    street: p.get('street') || undefined,
    community: p.get('community') || undefined,
    search: p.get('q') || undefined,
  }),
  write: (s, out) => {
    if (s.street) out.set('street', s.street);
    if (s.community) out.set('community', s.community);
    if (s.search) out.set('q', s.search);
  },
};

interface PageResult {
  connection?: Connection;
  fetching: boolean;
  error?: CombinedError;
  retry: () => void;
}

/** Runs the query of one page and hands its answer to the board (which groups all pages). */
function BoardPageLoader({
  page,
  filter,
  onResult,
}: {
  page: LoadedPage;
  filter: ProjectFilter;
  onResult: (key: string, result: PageResult) => void;
}) {
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: ProjectsBoardQuery,
    variables: { filter, first: BOARD_PAGE_SIZE, after: page.after },
    context: CONTEXT,
  });
  const key = page.after ?? '';
  useEffect(() => {
    onResult(key, {
      connection: data?.projects,
      fetching,
      error,
      retry: () => reexecute({ requestPolicy: 'network-only' }),
    });
  }, [key, data, fetching, error, reexecute, onResult]);
  return null;
}

function BoardCard({ card, showStreet }: { card: Card; showStreet: boolean }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const budget = formatBudget(card.budgetYuan, i18n.language);
  const overdue = isOverdue(card.nextMeetingAt, new Date());
  return (
    <Card
      size="small"
      hoverable
      data-testid="board-card"
      data-title={card.title}
      data-status={card.status}
      onClick={() => navigate(`/projects/${card.id}`)}
      style={{ marginBottom: 8 }}
      styles={{ body: { padding: 10 } }}
    >
      <Typography.Text strong style={{ display: 'block', marginBottom: 6 }}>
        {card.title}
      </Typography.Text>
      <Flex gap={4} wrap align="center">
        {card.publiclyFunded ? (
          <Tag color="volcano" style={{ marginInlineEnd: 0 }}>
            {t('admin:projectPubliclyFundedTag')}
          </Tag>
        ) : (
          <Tag style={{ marginInlineEnd: 0 }}>{t('admin:projectSelfFundedTag')}</Tag>
        )}
        {budget ? <Typography.Text style={{ fontSize: 12 }}>{budget}</Typography.Text> : null}
      </Flex>
      {showStreet ? (
        <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
          {card.street.name}
        </Typography.Text>
      ) : null}
      {card.nextMeeting ? (
        <Tag
          color={overdue ? 'red' : 'gold'}
          icon={<CalendarOutlined />}
          style={{ marginTop: 6, marginInlineEnd: 0, whiteSpace: 'normal' }}
          data-testid="board-card-next-meeting"
        >
          {t('admin:projectNextMeeting', { kind: t(`enum:meetingKind.${card.nextMeeting}`) })}
          {card.nextMeetingAt ? ` ${formatDateTime(card.nextMeetingAt)}` : ''}
        </Tag>
      ) : null}
    </Card>
  );
}

function Board({
  filter,
  counts,
  showStreet,
}: {
  filter: ProjectFilter;
  counts: Partial<Record<ProjectStatus, number>> | null;
  showStreet: boolean;
}) {
  const { t } = useTranslation();
  const pages = useLoadMorePages();
  const [results, setResults] = useState<Record<string, PageResult>>({});
  const onResult = useCallback(
    (key: string, r: PageResult) => setResults((all) => ({ ...all, [key]: r })),
    [],
  );

  const first = results[''];
  const last = results[pages[pages.length - 1].after ?? ''];
  const cards = useMemo(
    () => mergePages(pages.map((p) => results[p.after ?? '']?.connection?.edges.map((e) => e.node))),
    [pages, results],
  );
  const columns = useMemo(() => groupByStatus(cards), [cards]);
  const more = last?.connection?.pageInfo;

  return (
    <>
      {pages.map((p) => (
        <BoardPageLoader key={p.after ?? 'first'} page={p} filter={filter} onResult={onResult} />
      ))}
      {!first?.connection && first?.error ? <ErrorState error={first.error} onRetry={first.retry} /> : null}
      {first?.connection && last?.error ? <ErrorAlert error={last.error} /> : null}
      <div style={{ overflowX: 'auto', paddingBottom: 8 }}>
        <Flex gap={12} align="flex-start" style={{ minWidth: BOARD_COLUMNS.length * 162 }}>
          {BOARD_COLUMNS.map((status) => {
            const list = columns[status];
            const total = counts?.[status];
            return (
              <div
                key={status}
                data-testid={`board-column-${status}`}
                style={{ flex: '1 1 0', minWidth: 150, background: '#fafafa', borderRadius: 8, padding: 8 }}
              >
                <Flex justify="space-between" align="center" style={{ marginBottom: 8, padding: '0 2px' }}>
                  <Tag color={STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }}>
                    {t(`enum:projectStatus.${status}`)}
                  </Tag>
                  <Badge
                    count={total ?? list.length}
                    showZero
                    color={total ? '#1677ff' : '#bfbfbf'}
                    overflowCount={9999}
                    data-testid={`board-count-${status}`}
                  />
                </Flex>
                {!first?.connection && first?.fetching !== false ? (
                  <Skeleton active paragraph={{ rows: 2 }} title={false} />
                ) : list.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('admin:projectBoardEmpty')} />
                ) : (
                  list.map((c) => <BoardCard key={c.id} card={c} showStreet={showStreet} />)
                )}
                {total !== undefined && first?.connection && total > list.length ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('admin:projectBoardMoreInColumn', { count: total - list.length })}
                  </Typography.Text>
                ) : null}
              </div>
            );
          })}
        </Flex>
      </div>
      {more?.hasNextPage && more.endCursor ? (
        <Flex justify="center" style={{ marginTop: 12 }}>
          <Button
            loading={last?.fetching}
            onClick={() => more.endCursor && pages[pages.length - 1].loadMore(more.endCursor)}
            data-testid="board-more"
          >
            {t('admin:planningLoadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

export default function ProjectsBoard() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const { state, setState } = useUrlListState(BOARD_STATE_IN_URL);
  const { regions, fetching: regionsLoading, error: regionsError } = useMenuRegions(viewer);
  const bound = isStreetBound(viewer);
  const ownStreet = bound && viewer.scope?.level === 'STREET' ? viewer.scope.id : undefined;
  const streetId = bound
    ? ownStreet
    : state.street && regions.streets.some((s) => s.id === state.street)
      ? state.street
      : undefined;
  const places = useStreetPlaces(streetId);
  const community =
    state.community && (!places.street || places.communities.some((c) => c.id === state.community))
      ? state.community
      : undefined;
  // No street picked: the whole district (officials see their district only).
  const regionId = community ?? streetId ?? regions.ownDistrictId ?? undefined;
  const filter: ProjectFilter = {
    ...(regionId ? { regionId } : {}),
    ...(state.search ? { search: state.search } : {}),
  };
  const ready = bound ? Boolean(ownStreet) : !regionsLoading;

  const [countsResult] = useQuery({
    query: ProjectStatusCountsQuery,
    variables: { regionId: regionId ?? null, search: state.search ?? null },
    pause: !ready,
    context: CONTEXT,
  });
  const counts = useMemo(() => {
    const d = countsResult.data;
    if (!d) return null;
    return Object.fromEntries(PROJECT_STATUSES.map((s) => [s, d[s].totalCount])) as Record<
      ProjectStatus,
      number
    >;
  }, [countsResult.data]);

  const change = useCallback(
    (next: Partial<BoardState>) => setState({ ...state, ...next }),
    [setState, state],
  );
  const onSearch = useCallback((search: string | undefined) => change({ search }), [change]);

  return (
    <div data-testid="projects-board">
      <Page title={t('admin:projectBoardNav')}>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
          {bound ? (
            <Select
              data-testid="board-street-select"
              style={{ width: 200 }}
              disabled
              value={ownStreet}
              options={viewer.scope ? [{ value: viewer.scope.id, label: viewer.scope.name }] : []}
            />
          ) : (
            <FilterSelect
              testId="board-street-select"
              width={200}
              loading={regionsLoading}
              placeholder={t('admin:projectBoardAllStreets')}
              value={streetId}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(street) => change({ street, community: undefined })}
              options={regions.streets.map((s) => ({ value: s.id, label: s.name }))}
              notFoundContent={t('common:empty')}
            />
          )}
          {streetId ? (
            <FilterSelect
              testId="board-community-filter"
              width={180}
              loading={places.fetching}
              placeholder={t('admin:planningAllCommunities')}
              value={community}
              showSearch={{ optionFilterProp: 'label' }}
              onChange={(c) => change({ community: c })}
              options={places.communities.map((c) => ({ value: c.id, label: c.name }))}
              notFoundContent={t('common:empty')}
            />
          ) : null}
          <SearchBox
            testId="board-search"
            width={240}
            placeholder={t('admin:projectSearchPlaceholder')}
            value={state.search}
            onSearch={onSearch}
          />
        </Flex>
        {regionsError ? <ErrorAlert error={regionsError} /> : null}
        {countsResult.error ? <ErrorAlert error={countsResult.error} /> : null}
        {ready ? (
          <Board key={JSON.stringify(filter)} filter={filter} counts={counts} showStreet={!streetId} />
        ) : null}
      </Page>
    </div>
  );
}
