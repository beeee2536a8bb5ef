// Coverage figures: communities, covered, uncovered, and the covered rate as a gauge.
import { Card, Col, Row, Statistic } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { LoadingState } from '../../ui/states';
import { coveredRate } from './coverageMath';

const CoverageGauge = lazy(() => import('./CoverageGauge'));

export const CoverageSummary_CoverageReportFragment = graphql(`
  fragment CoverageSummary_CoverageReportFragment on CoverageReport {
    withinMinutes
    communities
    covered
    region {
      id
      name
    }
  }
`);

export function CoverageSummary({
  report,
}: {
  report: FragmentType<typeof CoverageSummary_CoverageReportFragment>;
}) {
  const { t } = useTranslation();
  const r = useFragment(CoverageSummary_CoverageReportFragment, report);
  const rate = coveredRate(r.covered, r.communities);
  return (
    <Row gutter={16} style={{ marginBottom: 16 }}>
      <Col xs={24} lg={14}>
        <Row gutter={[16, 16]}>
          <Col span={12}>
            <Card size="small">
              <Statistic
                title={t('admin:coverageCommunities', { region: r.region.name })}
                value={r.communities}
                formatter={(v) => <span data-testid="coverage-communities-count">{v}</span>}
              />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small">
              <Statistic
                title={t('admin:coverageCovered', { n: r.withinMinutes })}
                value={r.covered}
                styles={{ content: { color: '#389e0d' } }}
                formatter={(v) => <span data-testid="coverage-covered-count">{v}</span>}
              />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small">
              <Statistic
                title={t('admin:coverageUncovered')}
                value={r.communities - r.covered}
                styles={{ content: { color: r.communities - r.covered > 0 ? '#cf1322' : undefined } }}
                formatter={(v) => <span data-testid="coverage-uncovered-count">{v}</span>}
              />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small">
              <Statistic
                title={t('admin:coverageRate')}
                value={rate === null ? '—' : rate.toFixed(1)}
                suffix={rate === null ? undefined : '%'}
                formatter={(v) => <span data-testid="coverage-rate">{v}</span>}
              />
            </Card>
          </Col>
        </Row>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" styles={{ body: { padding: 8 } }}>
          <Suspense fallback={<LoadingState />}>
            <CoverageGauge rate={rate} label={t('admin:coverageRate')} />
          </Suspense>
        </Card>
      </Col>
    </Row>
  );
}
