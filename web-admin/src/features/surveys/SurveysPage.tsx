// /surveys — 满意度调查: the surveys in the viewer's scope (newest first, by status and center)
// with what each is about, its dates and responses; staff build a survey in the drawer and open or
// close it here; the second tab lists residents' comments (居民意见) across the surveys.
import { PlusOutlined } from '@ant-design/icons';
import { SURVEY_STATUSES } from '@lc/domain';
import { Button, Flex, Table, Tabs, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { SurveysListQuery } from '../../gql/graphql';
import { FilterSelect } from '../../ui/FilterSelect';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { useOrderCenters } from '../orders/useOrderCenters';
import { CommentsList } from './CommentsList';
import { SurveyFormDrawer } from './SurveyFormDrawer';
import { SurveyStatusButton } from './SurveyStatusButton';
import { SURVEYS_STATE_IN_URL, canBuildSurveys, type SurveysListState } from './surveyModel';

const SurveysListQuery = graphql(`
  query SurveysList($centerId: ID, $status: SurveyStatus, $first: Int) {
    surveys(centerId: $centerId, status: $status, first: $first) {
      id
      title
      status
      scopeKind
      anonymous
      opensAt
      closesAt
      createdAt
      responseCount
      acceptingResponses
      viewerCanManage
      center {
        id
        name
      }
      service {
        id
        name
      }
      project {
        id
        title
      }
      region {
        id
        name
      }
    }
  }
`);

type Row = SurveysListQuery['surveys'][number];

/** The API returns at most this many surveys in one list. */
const SURVEYS_LIST_MAX = 500;

export const STATUS_COLORS: Record<string, string> = { DRAFT: 'default', OPEN: 'green', CLOSED: 'red' };

/** What a survey is about, in a few words. */
export function subjectName(s: {
  center?: { name: string } | null;
  service?: { name: string } | null;
  project?: { title: string } | null;
  region?: { name: string } | null;
}): string {
  return [s.service?.name, s.project?.title, s.region?.name, s.center?.name].filter(Boolean).join(' · ');
}

export function formatWhen(iso: string | null | undefined): string | null {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : null;
}

export default function SurveysPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => SURVEYS_STATE_IN_URL.read(params), [params]);
  const change = (next: Partial<SurveysListState>) => {
    const out = new URLSearchParams();
    SURVEYS_STATE_IN_URL.write({ ...state, ...next }, out);
    setParams(out, { replace: true });
  };
  const centers = useOrderCenters(viewer);
  const [creating, setCreating] = useState(false);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: SurveysListQuery,
    variables: { centerId: state.center, status: state.status, first: SURVEYS_LIST_MAX },
  });
  const rows = data?.surveys;
  const surveyOptions = useMemo(() => (rows ?? []).map((s) => ({ value: s.id, label: s.title })), [rows]);

  const columns: TableColumnsType<Row> = [
    {
      title: t('admin:surveyTitleLabel'),
      key: 'title',
      render: (_: unknown, r: Row) => (
        <Link to={`/surveys/${encodeURIComponent(r.id)}`} data-testid="survey-link">
          {r.title}
        </Link>
      ),
    },
    {
      title: t('admin:surveyScope'),
      key: 'scope',
      render: (_: unknown, r: Row) => (
        <span>
          <Tag>{t(`enum:surveyScope.${r.scopeKind}`)}</Tag>
          <Typography.Text type="secondary">{subjectName(r)}</Typography.Text>
        </span>
      ),
    },
    {
      title: t('admin:surveyStatus'),
      key: 'status',
      width: 110,
      render: (_: unknown, r: Row) => (
        <Flex gap={4} wrap>
          <Tag color={STATUS_COLORS[r.status]} data-testid="survey-status">
            {t(`enum:surveyStatus.${r.status}`)}
          </Tag>
          {r.anonymous ? <Tag>{t('admin:surveyAnonymousTag')}</Tag> : null}
        </Flex>
      ),
    },
    {
      title: t('admin:surveyPeriod'),
      key: 'period',
      render: (_: unknown, r: Row) =>
        t('admin:surveyPeriodValue', {
          from: formatWhen(r.opensAt) ?? t('admin:surveyOnceOpened'),
          to: formatWhen(r.closesAt) ?? t('admin:surveyUntilClosed'),
        }),
    },
    {
      title: t('admin:surveyResponses'),
      key: 'responses',
      align: 'right',
      width: 90,
      render: (_: unknown, r: Row) => <span data-testid="survey-responses">{r.responseCount}</span>,
    },
    {
      title: '',
      key: 'actions',
      width: 120,
      render: (_: unknown, r: Row) => <SurveyStatusButton survey={r} size="small" />,
    },
  ];

  let list;
  if (error && !rows)
    list = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!rows) list = <LoadingState />;
  else
    list = (
      <Table<Row>
        data-testid="surveys-table"
        rowKey="id"
        size="small"
        loading={fetching}
        columns={columns}
        dataSource={rows}
        pagination={rows.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
        locale={{ emptyText: <EmptyState description={t('admin:surveyEmpty')} /> }}
        onRow={(r) =>
          ({
            'data-testid': 'survey-row',
            'data-survey-id': r.id,
            'data-title': r.title,
            'data-status': r.status,
          }) as HTMLAttributes<HTMLElement>
        }
      />
    );

  return (
    <div data-testid="surveys-page">
      <Page
        title={t('admin:surveyPageTitle')}
        extra={
          canBuildSurveys(viewer.role) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="survey-create"
            >
              {t('admin:surveyCreate')}
            </Button>
          ) : null
        }
      >
        <Tabs
          activeKey={state.tab}
          onChange={(tab) => change({ tab: tab as SurveysListState['tab'] })}
          items={[
            {
              key: 'surveys',
              label: <span data-testid="surveys-tab-list">{t('admin:surveyTabList')}</span>,
              children: (
                <>
                  <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
                    <FilterSelect
                      testId="surveys-status-filter"
                      width={140}
                      placeholder={t('admin:surveyAllStatuses')}
                      value={state.status}
                      onChange={(status) => change({ status: status as SurveysListState['status'] })}
                      options={SURVEY_STATUSES.map((s) => ({ value: s, label: t(`enum:surveyStatus.${s}`) }))}
                    />
                    {centers.fixedCenter ? null : (
                      <FilterSelect
                        testId="surveys-center-filter"
                        width={240}
                        placeholder={t('admin:surveyAllCenters')}
                        value={state.center}
                        loading={centers.fetching}
                        showSearch={{
                          optionFilterProp: 'label',
                          ...(centers.serverSearch
                            ? { onSearch: centers.onSearch, filterOption: false }
                            : {}),
                        }}
                        onChange={(center) => change({ center })}
                        options={centers.centers.map((c) => ({
                          value: c.id,
                          label: `${c.name}（${c.street}）`,
                        }))}
                        notFoundContent={t('common:empty')}
                      />
                    )}
                  </Flex>
                  {list}
                </>
              ),
            },
            {
              key: 'comments',
              label: <span data-testid="surveys-tab-comments">{t('admin:surveyTabComments')}</span>,
              children: state.tab === 'comments' ? <CommentsList surveyOptions={surveyOptions} /> : null,
            },
          ]}
        />
      </Page>
      {creating ? (
        <SurveyFormDrawer
          onClose={() => setCreating(false)}
          onSaved={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </div>
  );
}
