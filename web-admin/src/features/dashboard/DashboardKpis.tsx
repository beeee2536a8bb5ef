// The period in four figures: responses, average score out of 10, satisfied rate (against the
// district's threshold) and the operating compliance rate (运营管理达标率).
import { Card, Col, Row, Statistic, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatRate, formatScore } from './dashboardModel';

export const DashboardKpis_ReportFragment = graphql(`
  fragment DashboardKpis_ReportFragment on SatisfactionReport {
    satisfiedThreshold
    complianceTarget
    compliantCenters
    assessedCenters
    complianceRate
    summary {
      responses
      averageScore
      satisfiedRate
    }
  }
`);

export function DashboardKpis({ report }: { report: FragmentType<typeof DashboardKpis_ReportFragment> }) {
  const { t } = useTranslation();
  const r = useFragment(DashboardKpis_ReportFragment, report);
  const none = t('admin:dashboardNoFigure');
  const average = formatScore(r.summary.averageScore);
  const cards = [
    {
      key: 'responses',
      title: t('admin:dashboardKpiResponses'),
      value: r.summary.responses.toLocaleString(),
      hint: null,
    },
    {
      key: 'average',
      title: t('admin:dashboardKpiAverage'),
      value: average === null ? none : `${average} / 10`,
      hint: null,
    },
    {
      key: 'satisfied',
      title: t('admin:dashboardKpiSatisfied'),
      value: formatRate(r.summary.satisfiedRate) ?? none,
      hint: t('admin:dashboardKpiSatisfiedHint', { n: r.satisfiedThreshold }),
    },
    {
      key: 'compliance',
      title: t('admin:dashboardKpiCompliance'),
      value: formatRate(r.complianceRate) ?? none,
      hint: t('admin:dashboardKpiComplianceHint', {
        compliant: r.compliantCenters,
        assessed: r.assessedCenters,
        target: formatRate(r.complianceTarget) ?? '',
      }),
    },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      {cards.map((c) => (
        <Col key={c.key} xs={12} xl={6}>
          <Card size="small" style={{ height: '100%' }}>
            <Statistic
              title={c.title}
              value={c.value}
              formatter={(v) => <span data-testid={`dashboard-kpi-${c.key}`}>{v}</span>}
            />
            {c.hint ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.hint}
              </Typography.Text>
            ) : null}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
