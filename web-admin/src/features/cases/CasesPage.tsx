// /cases — 诉求工单: the cases of the viewer's street, center or district. The board's tiles count
// unfinished cases by status and by level (overdue in red) and filter the list below on a click;
// the list puts overdue cases first, then the nearest deadline, with the deadline coloured; a map
// shows the open cases. Staff enter cases found on patrol, visits, the hotline or at the door, and
// export the list to Excel. Filters live in the address.
import { DownloadOutlined, PlusOutlined, SettingOutlined } from '@ant-design/icons';
import { CASE_LEVELS, CASE_STATUSES, type CaseLevel, type CaseStatus } from '@lc/domain';
import {
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Col,
  Flex,
  Row,
  Select,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CaseFilter, CasesPageQuery } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter } from '../../ui/cursorPager';
import { Page } from '../../ui/Page';
import { SearchBox } from '../../ui/SearchBox';
import { ErrorState, LoadingState, useErrorMessage } from '../../ui/states';
import { useUrlListState, type SearchParamsCodec } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { formatDateTime } from '../orders/ordersModel';
import { useRegionOptions } from '../regions/useRegionOptions';
import { CaseCategoriesQuery } from './caseQueries';
import { CaseEntryDrawer } from './CaseEntryDrawer';
import { DeadlineTag } from './DeadlineTag';
import { BOARD_STATUSES, LEVEL_COLORS, STATUS_COLORS } from './casesModel';
import { downloadBase64 } from '../menu-import/menuImportFiles';

const CaseMap = lazy(() => import('./CaseMap'));

const CasesPageQuery = graphql(`
  query CasesPage($filter: CaseFilter, $first: Int!, $after: String) {
    cases(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          categoryCode
          category {
            code
            name
            nameEn
          }
          description
          status
          level
          jointForce
          responsibility
          overdue
          deadlineAt
          reportedAt
          source
          street {
            id
            name
          }
          community {
            id
            name
          }
          owner {
            id
            displayName
          }
        }
      }
    }
  }
`);

const CaseBoardQuery = graphql(`
  query CaseBoard($filter: CaseFilter) {
    caseBoard(filter: $filter) {
      total
      overdue
      dueSoon
      byStatus {
        status
        count
        overdue
      }
      byLevel {
        level
        count
        overdue
      }
    }
  }
`);

const ExportCasesQuery = graphql(`
  query ExportCases($filter: CaseFilter) {
    exportCases(filter: $filter) {
      fileName
      mimeType
      contentBase64
    }
  }
`);

type Row = CasesPageQuery['cases']['edges'][number]['node'];

interface ListState {
  street?: string;
  statuses?: CaseStatus[];
  level?: CaseLevel;
  category?: string;
  overdue?: boolean;
  mine?: boolean;
  finished?: boolean;
  search?: string;
  view?: 'list' | 'map';
}

const STATE_IN_URL: SearchParamsCodec<ListState> = {
  read: (p) => ({
    street: p.get('street') || undefined,
    statuses: (p.get('status') || '')
      .split(',')
      .filter((s): s is CaseStatus => (CASE_STATUSES as readonly string[]).includes(s)),
    level: (CASE_LEVELS as readonly string[]).includes(p.get('level') ?? '')
      ? (p.get('level') as CaseLevel)
      : undefined,
    category: p.get('category') || undefined,
    overdue: p.get('overdue') === '1' || undefined,
    mine: p.get('mine') === '1' || undefined,
    finished: p.get('finished') === '1' || undefined,
    search: p.get('q') || undefined,
    view: p.get('view') === 'map' ? 'map' : undefined,
  }),
  write: (s, out) => {
    if (s.street) out.set('street', s.street);
    if (s.statuses?.length) out.set('status', s.statuses.join(','));
    if (s.level) out.set('level', s.level);
    if (s.category) out.set('category', s.category);
    if (s.overdue) out.set('overdue', '1');
    if (s.mine) out.set('mine', '1');
    if (s.finished) out.set('finished', '1');
    if (s.search) out.set('q', s.search);
    if (s.view === 'map') out.set('view', 'map');
  },
};

export default function CasesPage() {
  const { t, i18n } = useTranslation();
  const viewer = useViewer();
  const navigate = useNavigate();
  const client = useClient();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { state, pager, dispatch, setState } = useUrlListState(STATE_IN_URL);
  const [entering, setEntering] = useState(false);
  const [exporting, setExporting] = useState(false);
  const regions = useRegionOptions(viewer);
  const streets = useMemo(() => regions.groups.flatMap((g) => g.streets), [regions.groups]);
  const isDistrictAdmin = viewer.role === 'DISTRICT_ADMIN';
  const canEnter = ['CENTER_STAFF', 'STREET_ADMIN', 'DISTRICT_ADMIN'].includes(viewer.role);

  const filter: CaseFilter = useMemo(
    () => ({
      regionId: state.street ?? null,
      statuses: state.statuses?.length ? state.statuses : null,
      level: state.level ?? null,
      category: state.category ?? null,
      overdue: state.overdue ? true : null,
      mine: state.mine ?? null,
      includeFinished: state.finished ?? null,
      search: state.search ?? null,
    }),
    [state],
  );
  const change = (next: Partial<ListState>) => setState({ ...state, ...next });
  const onSearch = useCallback(
    (q: string | undefined) => setState({ ...state, search: q }),
    [setState, state],
  );

  const [list, reexecute] = useQuery({
    query: CasesPageQuery,
    variables: { filter, first: pager.pageSize, after: currentAfter(pager) },
    requestPolicy: 'cache-and-network',
    context: useMemo(() => ({ additionalTypenames: ['Case'] }), []),
  });
  const boardFilter = useMemo(
    () => ({ regionId: filter.regionId, category: filter.category, mine: filter.mine }),
    [filter.regionId, filter.category, filter.mine],
  );
  const [board] = useQuery({
    query: CaseBoardQuery,
    variables: { filter: boardFilter },
    requestPolicy: 'cache-and-network',
  });
  const [categories] = useQuery({ query: CaseCategoriesQuery, variables: {} });
  const categoryName = (c: Row['category'], code: string) =>
    c ? (i18n.language === 'en' ? c.nameEn : c.name) : code;

  const exportExcel = async () => {
    setExporting(true);
    const r = await client.query(ExportCasesQuery, { filter }, { requestPolicy: 'network-only' }).toPromise();
    setExporting(false);
    if (r.error || !r.data) {
      void message.error(errorMessage(r.error));
      return;
    }
    downloadBase64(r.data.exportCases);
  };

  const counts = board.data?.caseBoard;
  const statusCount = (s: CaseStatus) => counts?.byStatus.find((x) => x.status === s);
  const levelCount = (l: CaseLevel) => counts?.byLevel.find((x) => x.level === l);
  const toggleStatus = (s: CaseStatus) =>
    change({ statuses: state.statuses?.length === 1 && state.statuses[0] === s ? undefined : [s] });

  const tiles = (
    <Row gutter={[8, 8]} style={{ marginBottom: 16 }} data-testid="case-board">
      <Col xs={12} md={6} lg={3}>
        <Card
          size="small"
          hoverable
          onClick={() => change({ statuses: undefined, overdue: undefined, level: undefined })}
        >
          <Typography.Text type="secondary">{t('admin:casesTotal')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="case-board-total">
            {counts?.total ?? '—'}
          </Typography.Title>
        </Card>
      </Col>
      <Col xs={12} md={6} lg={3}>
        <Card
          size="small"
          hoverable
          onClick={() => change({ overdue: !state.overdue || undefined })}
          style={state.overdue ? { borderColor: '#cf1322' } : undefined}
        >
          <Typography.Text type="danger">{t('admin:casesOverdue')}</Typography.Text>
          <Typography.Title level={3} type="danger" style={{ margin: 0 }} data-testid="case-board-overdue">
            {counts?.overdue ?? '—'}
          </Typography.Title>
        </Card>
      </Col>
      {BOARD_STATUSES.map((s) => {
        const c = statusCount(s);
        const active = state.statuses?.length === 1 && state.statuses[0] === s;
        return (
          <Col key={s} xs={8} md={4} lg={2} style={{ flex: '1 1 0' }}>
            <Card
              size="small"
              hoverable
              onClick={() => toggleStatus(s)}
              style={active ? { borderColor: '#1677ff' } : undefined}
              data-testid={`case-board-status-${s}`}
            >
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t(`enum:caseStatus.${s}`)}
              </Typography.Text>
              <Flex align="baseline" gap={6}>
                <Typography.Title level={4} style={{ margin: 0 }}>
                  {c?.count ?? 0}
                </Typography.Title>
                {c?.overdue ? (
                  <Typography.Text type="danger">
                    {t('admin:casesOverdueShort', { n: c.overdue })}
                  </Typography.Text>
                ) : null}
              </Flex>
            </Card>
          </Col>
        );
      })}
    </Row>
  );

  const levels = (
    <Flex gap={8} wrap style={{ marginBottom: 16 }}>
      {CASE_LEVELS.map((l) => {
        const c = levelCount(l);
        return (
          <Tag.CheckableTag
            key={l}
            checked={state.level === l}
            onChange={(on) => change({ level: on ? l : undefined })}
            data-testid={`case-level-${l}`}
          >
            <Badge color={LEVEL_COLORS[l]} text={`${t(`enum:caseLevel.${l}`)} ${c?.count ?? 0}`} />
            {c?.overdue ? (
              <Typography.Text type="danger">{` · ${t('admin:casesOverdueShort', { n: c.overdue })}`}</Typography.Text>
            ) : null}
          </Tag.CheckableTag>
        );
      })}
    </Flex>
  );

  const filters = (
    <Flex gap={8} wrap style={{ marginBottom: 12 }}>
      {streets.length > 1 ? (
        <Select
          allowClear
          style={{ width: 160 }}
          placeholder={t('admin:casesStreet')}
          value={state.street}
          onChange={(v) => change({ street: v })}
          options={streets.map((s) => ({ value: s.id, label: s.name }))}
          data-testid="cases-street"
        />
      ) : null}
      <Select
        allowClear
        style={{ width: 150 }}
        placeholder={t('admin:casesCategory')}
        value={state.category}
        onChange={(v) => change({ category: v })}
        options={(categories.data?.caseCategories ?? []).map((c) => ({
          value: c.code,
          label: i18n.language === 'en' ? c.nameEn : c.name,
        }))}
        data-testid="cases-category"
      />
      <Checkbox
        checked={!!state.mine}
        onChange={(e) => change({ mine: e.target.checked || undefined })}
        data-testid="cases-mine"
      >
        {t('admin:casesMine')}
      </Checkbox>
      <Checkbox
        checked={!!state.finished}
        onChange={(e) => change({ finished: e.target.checked || undefined })}
        data-testid="cases-finished"
      >
        {t('admin:casesIncludeFinished')}
      </Checkbox>
      <SearchBox
        value={state.search}
        placeholder={t('admin:casesSearch')}
        onSearch={onSearch}
        width={220}
        testId="cases-search"
      />
    </Flex>
  );

  const connection = list.data?.cases;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const table =
    list.error && !connection ? (
      <ErrorState error={list.error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    ) : !connection ? (
      <LoadingState />
    ) : (
      <>
        <Table<Row>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={false}
          loading={list.fetching}
          data-testid="cases-table"
          onRow={(r) => ({ onClick: () => navigate(`/cases/${r.id}`), style: { cursor: 'pointer' } })}
          rowClassName={(r) => (r.overdue ? 'lc-case-overdue' : '')}
          locale={{ emptyText: t('admin:casesEmpty') }}
          columns={[
            { title: t('admin:casesNo'), dataIndex: 'id', width: 70, render: (id: string) => `#${id}` },
            {
              title: t('admin:casesCategory'),
              width: 110,
              render: (_, r) => categoryName(r.category, r.categoryCode),
            },
            {
              title: t('admin:casesDescription'),
              dataIndex: 'description',
              ellipsis: true,
              render: (d: string, r) => (
                <span data-testid="case-row" data-case-id={r.id}>
                  {d}
                </span>
              ),
            },
            {
              title: t('admin:casesPlace'),
              width: 160,
              render: (_, r) => [r.street.name, r.community?.name].filter(Boolean).join(' · '),
            },
            {
              title: t('admin:casesStatus'),
              width: 110,
              render: (_, r) => (
                <Tag color={STATUS_COLORS[r.status]} data-testid="case-status">
                  {t(`enum:caseStatus.${r.status}`)}
                </Tag>
              ),
            },
            {
              title: t('admin:casesLevel'),
              width: 130,
              render: (_, r) => (
                <Tag color={LEVEL_COLORS[r.level]}>
                  {t(`enum:caseLevel.${r.level}`)}
                  {r.jointForce ? ` · ${t(`enum:jointForce.${r.jointForce}`)}` : ''}
                </Tag>
              ),
            },
            {
              title: t('admin:casesOwner'),
              width: 140,
              render: (_, r) => (
                <Flex vertical>
                  <span>{r.owner?.displayName ?? '—'}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t(`enum:caseResponsibility.${r.responsibility}`)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('admin:casesDeadline'),
              width: 170,
              render: (_, r) => <DeadlineTag deadlineAt={r.deadlineAt} overdue={r.overdue} />,
            },
            { title: t('admin:casesReportedAt'), width: 140, render: (_, r) => formatDateTime(r.reportedAt) },
          ]}
        />
        <CursorPagination
          pager={pager}
          dispatch={dispatch}
          connection={connection}
          rowCount={rows.length}
          disabled={list.fetching}
          testIdPrefix="cases-pager"
        />
      </>
    );

  return (
    <Page
      title={t('admin:casesTitle')}
      extra={
        <>
          {canEnter ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEntering(true)}
              data-testid="case-enter"
            >
              {t('admin:casesEnter')}
            </Button>
          ) : null}
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportExcel()}
            data-testid="cases-export"
          >
            {t('admin:casesExport')}
          </Button>
          {isDistrictAdmin ? (
            <Button
              icon={<SettingOutlined />}
              onClick={() => navigate('/cases/settings')}
              data-testid="case-settings"
            >
              {t('admin:caseSettingsNav')}
            </Button>
          ) : null}
        </>
      }
    >
      {tiles}
      {levels}
      {filters}
      <Tabs
        activeKey={state.view ?? 'list'}
        onChange={(k) => setState({ ...state, view: k === 'map' ? 'map' : undefined })}
        items={[
          { key: 'list', label: t('admin:casesListTab'), children: table },
          {
            key: 'map',
            label: t('admin:casesMapTab'),
            children: (
              <Suspense fallback={<LoadingState />}>
                <CaseMap filter={filter} onPick={(id) => navigate(`/cases/${id}`)} />
              </Suspense>
            ),
          },
        ]}
      />
      {entering ? (
        <CaseEntryDrawer
          onClose={() => setEntering(false)}
          onSaved={(id) => {
            setEntering(false);
            navigate(`/cases/${id}`);
          }}
        />
      ) : null}
    </Page>
  );
}
