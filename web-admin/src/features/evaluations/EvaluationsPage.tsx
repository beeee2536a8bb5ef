// /evaluations — 八度空间评估: the evaluations of the centers in the viewer's scope (newest first,
// by center and phase), the record form for the district's evaluators and admin, and the
// training needs of the district by track (四维成长营).
import { PlusOutlined } from '@ant-design/icons';
import { EVALUATION_PHASES } from '@lc/domain';
import { Button, Flex, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useCallback, useState, type HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { EvaluationsListQuery } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter } from '../../ui/cursorPager';
import { FilterSelect } from '../../ui/FilterSelect';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { useUrlListState } from '../../ui/useUrlListState';
import { useViewer } from '../auth/AuthProvider';
import { formatComposite, scoreColor } from '../dashboard/dashboardModel';
import { EvaluationDetail } from './EvaluationDetail';
import { EvaluationFormDrawer } from './EvaluationFormDrawer';
import {
  EVALUATION_STATE_IN_URL,
  canRecordEvaluation,
  canSeeTrainingNeeds,
  type EvaluationListState,
} from './evaluationModel';
import { TrainingNeedsPanel } from './TrainingNeedsPanel';
import { useEvaluationScope } from './useEvaluationScope';

const EvaluationsListQuery = graphql(`
  query EvaluationsList($filter: EvaluationFilter, $first: Int, $after: String) {
    evaluations(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          evaluatedOn
          phase
          evaluatorKind
          evaluatorName
          total
          center {
            id
            name
            street {
              id
              name
            }
          }
          findings {
            id
          }
          photos {
            id
          }
          ...EvaluationDetail_EvaluationFragment
        }
      }
    }
  }
`);

type Row = EvaluationsListQuery['evaluations']['edges'][number]['node'];

export default function EvaluationsPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const scope = useEvaluationScope(viewer);
  const { state, setState, pager, dispatch } = useUrlListState(EVALUATION_STATE_IN_URL);
  const [creating, setCreating] = useState(false);
  const change = useCallback(
    (next: Partial<EvaluationListState>) => setState({ ...state, ...next }),
    [setState, state],
  );

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: EvaluationsListQuery,
    variables: {
      filter: { centerId: state.center, phase: state.phase },
      first: pager.pageSize,
      after: currentAfter(pager),
    },
  });
  const connection = data?.evaluations;
  const rows = connection?.edges.map((e) => e.node) ?? [];
  const showStreet = viewer.scope?.level === 'DISTRICT' || !viewer.scope;

  const columns: TableColumnsType<Row> = [
    { title: t('admin:evaluationDate'), dataIndex: 'evaluatedOn', key: 'date', width: 120 },
    {
      title: t('admin:evaluationCenter'),
      key: 'center',
      render: (_: unknown, r: Row) => r.center.name,
    },
    ...(showStreet
      ? [
          {
            title: t('admin:dashboardStreet'),
            key: 'street',
            render: (_: unknown, r: Row) => r.center.street.name,
          },
        ]
      : []),
    {
      title: t('admin:evaluationPhase'),
      key: 'phase',
      width: 90,
      render: (_: unknown, r: Row) => <Tag>{t(`enum:evaluationPhase.${r.phase}`)}</Tag>,
    },
    {
      title: t('admin:evaluationEvaluator'),
      key: 'evaluator',
      render: (_: unknown, r: Row) => (
        <span>
          {r.evaluatorName}{' '}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`enum:evaluatorKind.${r.evaluatorKind}`)}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('admin:evaluationTotalColumn'),
      key: 'total',
      align: 'right',
      width: 100,
      render: (_: unknown, r: Row) => (
        <Tag color={scoreColor(r.total)} style={{ marginInlineEnd: 0 }}>
          {formatComposite(r.total)}
        </Tag>
      ),
    },
    {
      title: t('admin:evaluationFindingsColumn'),
      key: 'findings',
      align: 'right',
      width: 90,
      render: (_: unknown, r: Row) => r.findings.length,
    },
    {
      title: t('admin:evaluationPhotosColumn'),
      key: 'photos',
      align: 'right',
      width: 80,
      render: (_: unknown, r: Row) => r.photos.length,
    },
  ];

  let list;
  if (error && !connection)
    list = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!connection) list = <LoadingState />;
  else
    list = (
      <>
        <Table<Row>
          data-testid="evaluations-table"
          rowKey="id"
          size="small"
          loading={fetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: <EmptyState description={t('admin:evaluationEmpty')} /> }}
          expandable={{ expandedRowRender: (r) => <EvaluationDetail evaluation={r} /> }}
          onRow={(r) =>
            ({
              'data-testid': 'evaluation-row',
              'data-center-name': r.center.name,
              'data-phase': r.phase,
              'data-total': formatComposite(r.total) ?? '',
            }) as HTMLAttributes<HTMLElement>
          }
        />
        <CursorPagination
          pager={pager}
          dispatch={dispatch}
          connection={connection}
          rowCount={rows.length}
          disabled={fetching}
          testIdPrefix="evaluations-pager"
        />
      </>
    );

  return (
    <div data-testid="evaluations-page">
      <Page
        title={t('admin:evaluationTitle')}
        extra={
          canRecordEvaluation(viewer.role) ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              disabled={!scope.district}
              onClick={() => setCreating(true)}
              data-testid="evaluation-create"
            >
              {t('admin:evaluationCreate')}
            </Button>
          ) : null
        }
      >
        {scope.error ? <ErrorAlert error={scope.error} /> : null}
        {canSeeTrainingNeeds(viewer.role) && scope.district ? (
          <div style={{ marginBottom: 16 }}>
            <TrainingNeedsPanel districtId={scope.district.id} districtName={scope.district.name} />
          </div>
        ) : null}
        <Flex gap={12} wrap align="center" style={{ marginBottom: 12 }}>
          <FilterSelect
            testId="evaluations-center-filter"
            width={260}
            placeholder={t('admin:evaluationAllCenters')}
            value={state.center}
            loading={scope.fetching}
            showSearch={{ optionFilterProp: 'label' }}
            onChange={(center) => change({ center })}
            options={scope.centers.map((c) => ({ value: c.id, label: `${c.name}（${c.streetName}）` }))}
            notFoundContent={t('common:empty')}
          />
          <FilterSelect
            testId="evaluations-phase-filter"
            width={140}
            placeholder={t('admin:evaluationAllPhases')}
            value={state.phase}
            onChange={(phase) => change({ phase: phase as EvaluationListState['phase'] })}
            options={EVALUATION_PHASES.map((p) => ({ value: p, label: t(`enum:evaluationPhase.${p}`) }))}
          />
        </Flex>
        {list}
      </Page>
      {creating ? (
        <EvaluationFormDrawer
          centers={scope.centers}
          districtId={scope.district?.id}
          centerId={state.center}
          onClose={() => setCreating(false)}
          onRecorded={() => reexecute({ requestPolicy: 'network-only' })}
        />
      ) : null}
    </div>
  );
}
