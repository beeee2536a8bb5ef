// /dashboard — 运营看板: what a street/town leadership group (or the district office) opens every
// morning. For a region in scope and a range of months: the four headline figures, the trend by
// month, the eight-dimension radar of a center against its street, the centers ranked by composite
// score with their moves, the centers on a map coloured by score, the drill-down to streets or
// centers, and the newest complaints. Export to Excel, or print (to PDF) for the monthly meeting.
// Region, months and the radar's center live in the address.
import { PrinterOutlined, RollbackOutlined } from '@ant-design/icons';
import { Button, Card, Col, DatePicker, Flex, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { regionPicks } from '../coverage/CoverageRegionSelect';
import { useRegionOptions } from '../regions/useRegionOptions';
import { CenterRadar } from './CenterRadar';
import { CenterScoreMap } from './CenterScoreMap';
import { ChildrenTable } from './ChildrenTable';
import { ComplaintsList } from './ComplaintsList';
import { CaseFiguresCard } from '../cases/CaseFiguresCard';
import { DashboardKpis } from './DashboardKpis';
import {
  periodArgs,
  readDashboardParams,
  writeDashboardParams,
  type DashboardParams,
  type MonthRange,
} from './dashboardModel';
import { ExportReportButton } from './ExportReportButton';
import { RankingTable } from './RankingTable';
import './dashboard.css';

const TrendChart = lazy(() => import('./TrendChart'));

const DashboardPageQuery = graphql(`
  query DashboardPage($regionId: ID!, $from: DateTime!, $to: DateTime!) {
    dashboard(regionId: $regionId, from: $from, to: $to) {
      from
      to
      region {
        id
        name
        level
        parent {
          id
          name
          level
        }
      }
      report {
        ...DashboardKpis_ReportFragment
        byMonth {
          month
          responses
          averageScore
          satisfiedRate
        }
        children {
          ...ChildrenTable_ChildFragment
        }
      }
      ranking {
        center {
          id
          name
        }
        ...RankingTable_CenterRankFragment
        ...CenterScoreMap_CenterRankFragment
      }
      latestComplaints(first: 10) {
        ...ComplaintsList_ComplaintFragment
      }
    }
  }
`);

export default function DashboardPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const now = useMemo(() => new Date(), []);
  const state = useMemo(() => readDashboardParams(params, now), [params, now]);
  const regions = useRegionOptions(viewer);
  const picks = useMemo(() => regionPicks(regions.groups), [regions.groups]);

  // The region in the address when the viewer may pick it (trusted until the picks arrive: the
  // API checks the scope anyway), else their own scope, else the first pick.
  const regionId =
    state.regionId && (picks.length === 0 || picks.some((p) => p.value === state.regionId))
      ? state.regionId
      : (viewer.scope?.id ?? picks[0]?.value);
  const args = useMemo(() => periodArgs(state.period), [state.period]);

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DashboardPageQuery,
    variables: { regionId: regionId ?? '', ...args },
    pause: !regionId,
    // Figures move as responses and evaluations arrive: show the cached page, then refresh it.
    requestPolicy: 'cache-and-network',
  });
  const dashboard = data?.dashboard && data.dashboard.region.id === regionId ? data.dashboard : undefined;

  const change = useCallback(
    (next: Partial<DashboardParams>) =>
      setParams(writeDashboardParams({ ...state, regionId, ...next }, now), { replace: false }),
    [setParams, state, regionId, now],
  );
  const pickRegion = useCallback((id: string) => change({ regionId: id, centerId: undefined }), [change]);
  const pickCenter = useCallback((id: string) => change({ centerId: id }), [change]);
  const setPeriod = (range: MonthRange) => change({ period: range });

  const centers = useMemo(() => (dashboard?.ranking ?? []).map((r) => r.center), [dashboard]);
  const radarCenterId =
    state.centerId && centers.some((c) => c.id === state.centerId) ? state.centerId : centers[0]?.id;
  const parent = dashboard?.region.parent;
  const canGoUp = Boolean(parent && picks.some((p) => p.value === parent.id));

  const trendLabels = useMemo(
    () => ({
      responses: t('admin:dashboardKpiResponses'),
      average: t('admin:dashboardAverageShort'),
      satisfied: t('admin:dashboardSatisfiedTenths'),
    }),
    [t],
  );

  const regionName = dashboard?.region.name ?? picks.find((p) => p.value === regionId)?.label ?? '';
  const periodText = t('admin:dashboardPeriodText', { from: state.period.from, to: state.period.to });

  let body;
  if (regions.fetching && !regionId) body = <LoadingState />;
  else if (regions.error && !regionId) body = <ErrorState error={regions.error} onRetry={regions.retry} />;
  else if (!regionId) body = <EmptyState description={t('admin:dashboardNoRegion')} />;
  else if (error && !dashboard)
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!dashboard) body = <LoadingState />;
  else {
    const report = dashboard.report;
    const isDistrict = dashboard.region.level === 'DISTRICT';
    body = (
      <>
        <DashboardKpis report={report} />
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={14}>
            <Card size="small" title={t('admin:dashboardTrendTitle')} style={{ height: '100%' }}>
              <div data-testid="dashboard-trend">
                {report.byMonth.every((m) => m.responses === 0) ? (
                  <EmptyState description={t('admin:dashboardNoResponses')} />
                ) : (
                  <Suspense fallback={<LoadingState />}>
                    <TrendChart months={report.byMonth} labels={trendLabels} />
                  </Suspense>
                )}
              </div>
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('admin:dashboardRadarTitle')} style={{ height: '100%' }}>
              <CenterRadar
                centers={centers}
                centerId={radarCenterId}
                from={args.from}
                to={args.to}
                onPick={pickCenter}
              />
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={t('admin:dashboardRankingTitle')}
              extra={
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('admin:dashboardRankingHint')}
                </Typography.Text>
              }
              style={{ height: '100%' }}
            >
              <RankingTable
                ranking={dashboard.ranking}
                showStreet={isDistrict}
                selectedCenterId={radarCenterId}
                onPick={pickCenter}
              />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('admin:dashboardMapTitle')} style={{ height: '100%' }}>
              <CenterScoreMap
                ranking={dashboard.ranking}
                selectedCenterId={radarCenterId}
                onPick={pickCenter}
              />
            </Card>
          </Col>
        </Row>
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <Card
              size="small"
              title={isDistrict ? t('admin:dashboardChildrenStreets') : t('admin:dashboardChildrenCenters')}
              style={{ height: '100%' }}
            >
              <ChildrenTable items={report.children} onPickStreet={pickRegion} onPickCenter={pickCenter} />
            </Card>
          </Col>
          <Col xs={24} xl={10}>
            <Card size="small" title={t('admin:dashboardComplaintsTitle')} style={{ height: '100%' }}>
              <ComplaintsList complaints={dashboard.latestComplaints} />
            </Card>
          </Col>
        </Row>
        {viewer.role !== 'EVALUATOR' ? (
          <CaseFiguresCard regionId={regionId} from={args.from} to={args.to} />
        ) : null}
      </>
    );
  }

  const pickerValue: [Dayjs, Dayjs] = [dayjs(`${state.period.from}-01`), dayjs(`${state.period.to}-01`)];

  return (
    <div className="lc-dashboard" data-testid="dashboard-page" aria-busy={fetching}>
      <Page
        title={
          <>
            {t('admin:dashboardTitle')}
            {regionName ? (
              <span className="lc-print-only" style={{ fontSize: 14, fontWeight: 400 }}>
                {`${regionName} · ${periodText}`}
              </span>
            ) : null}
          </>
        }
        extra={
          <Flex gap={8} align="center" wrap className="lc-no-print">
            {canGoUp && parent ? (
              <Button
                icon={<RollbackOutlined />}
                onClick={() => pickRegion(parent.id)}
                data-testid="dashboard-up"
              >
                {parent.name}
              </Button>
            ) : null}
            <Select
              data-testid="dashboard-region-select"
              style={{ width: 200 }}
              virtual={false}
              showSearch={{ optionFilterProp: 'label' }}
              loading={regions.fetching}
              value={regionId}
              placeholder={t('admin:dashboardPickRegion')}
              onChange={pickRegion}
              options={picks.map((p) => ({ value: p.value, label: p.label, level: p.level }))}
              optionRender={(option) => (
                <span
                  style={{
                    paddingInlineStart: option.data.level === 'DISTRICT' ? 0 : 16,
                    fontWeight: option.data.level === 'DISTRICT' ? 600 : undefined,
                  }}
                >
                  {option.label}
                </span>
              )}
              notFoundContent={t('common:empty')}
            />
            <DatePicker.RangePicker
              data-testid="dashboard-period"
              picker="month"
              allowClear={false}
              value={pickerValue}
              disabledDate={(d) => d.isAfter(dayjs(), 'month')}
              onChange={(range) => {
                const [a, b] = range ?? [];
                if (a && b) setPeriod({ from: a.format('YYYY-MM'), to: b.format('YYYY-MM') });
              }}
            />
            <ExportReportButton regionId={regionId} from={args.from} to={args.to} disabled={!dashboard} />
            <Button
              icon={<PrinterOutlined />}
              disabled={!dashboard}
              onClick={() => window.print()}
              data-testid="dashboard-print"
            >
              {t('admin:dashboardPrint')}
            </Button>
          </Flex>
        }
      >
        {body}
      </Page>
    </div>
  );
}
