// /coverage — 15-minute coverage of a district or street: figures, the uncovered communities
// as a list and on a map with the region's centers.
import { LIFE_CIRCLE_MINUTES, PAGE_MAX, WALKING_SPEED_KMH } from '@lc/domain';
import { Alert, Card, Col, Flex, Row, Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { EmptyState, ErrorAlert, ErrorState, LoadingState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { useRegionOptions } from '../regions/useRegionOptions';
import { CoverageMap } from './CoverageMap';
import { CoverageRegionSelect, regionPicks } from './CoverageRegionSelect';
import { CoverageSummary } from './CoverageSummary';
import { UncoveredList } from './UncoveredList';
import { useRemainingCenters } from './useRemainingCenters';

export const MINUTE_CHOICES = [10, 15, 20, 30] as const;

const CoveragePageQuery = graphql(`
  query CoveragePage($regionId: ID!, $withinMinutes: Int!, $first: Int!) {
    coverage(regionId: $regionId, withinMinutes: $withinMinutes) {
      withinMinutes
      region {
        id
        name
      }
      ...CoverageSummary_CoverageReportFragment
      uncovered {
        id
        ...UncoveredList_RegionFragment
        ...CoverageMap_RegionFragment
      }
    }
    centers(filter: { regionId: $regionId }, first: $first) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          ...CoverageMap_CenterFragment
        }
      }
    }
  }
`);

function parseMinutes(raw: string | null): number {
  const n = Number(raw);
  return (MINUTE_CHOICES as readonly number[]).includes(n) ? n : LIFE_CIRCLE_MINUTES;
}

export default function CoveragePage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const options = useRegionOptions(viewer);
  const picks = useMemo(() => regionPicks(options.groups), [options.groups]);
  const [focusId, setFocusId] = useState<string | null>(null);

  const regionId = params.get('region') ?? viewer.scope?.id ?? picks[0]?.value;
  const minutes = parseMinutes(params.get('minutes'));

  const update = (next: { region?: string; minutes?: number }) => {
    const p = new URLSearchParams(params);
    if (next.region) p.set('region', next.region);
    if (next.minutes) p.set('minutes', String(next.minutes));
    setFocusId(null);
    setParams(p, { replace: true });
  };

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: CoveragePageQuery,
    variables: { regionId: regionId ?? '', withinMinutes: minutes, first: PAGE_MAX },
    pause: !regionId,
  });
  const firstPage = data?.centers;
  const more = useRemainingCenters(
    regionId,
    firstPage?.pageInfo.hasNextPage ? firstPage.pageInfo.endCursor : null,
  );
  const centers = useMemo(
    () => [...(firstPage?.edges.map((e) => e.node) ?? []), ...more.centers],
    [firstPage, more.centers],
  );
  // The report shown belongs to the region picked (urql keeps old data while refetching).
  const report = data?.coverage;

  const controls = (
    <Flex gap={12} align="center" wrap>
      <CoverageRegionSelect
        picks={picks}
        value={regionId}
        loading={options.fetching}
        onChange={(id) => update({ region: id })}
      />
      <Segmented
        data-testid="coverage-minutes"
        value={minutes}
        onChange={(v) => update({ minutes: Number(v) })}
        options={MINUTE_CHOICES.map((m) => ({ value: m, label: t('common:minutes', { count: m }) }))}
      />
    </Flex>
  );

  let body;
  if (!regionId) {
    body = options.fetching ? (
      <LoadingState />
    ) : options.error ? (
      <ErrorState error={options.error} onRetry={options.retry} />
    ) : (
      <EmptyState description={t('admin:coveragePickRegion')} />
    );
  } else if (fetching && !report) {
    body = <LoadingState />;
  } else if (error && !report) {
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  } else if (report) {
    body = (
      <Spin spinning={fetching} delay={200}>
        {error ? <ErrorAlert error={error} /> : null}
        <Typography.Paragraph type="secondary">
          {t('admin:coverageExplain', { n: report.withinMinutes, speed: WALKING_SPEED_KMH })}
        </Typography.Paragraph>
        <CoverageSummary report={report} />
        <Row gutter={16}>
          <Col xs={24} xl={8}>
            <Card
              size="small"
              title={t('admin:coverageUncoveredTitle', { n: report.uncovered.length })}
              style={{ marginBottom: 16 }}
            >
              <UncoveredList
                communities={report.uncovered}
                selectedId={focusId}
                onSelect={(id) => setFocusId((cur) => (cur === id ? null : id))}
              />
            </Card>
          </Col>
          <Col xs={24} xl={16}>
            <Card
              size="small"
              title={t('admin:coverageMapTitle', { region: report.region.name })}
              extra={
                more.loading ? (
                  <Typography.Text type="secondary">
                    <Spin size="small" />{' '}
                    {t('admin:coverageLoadingCenters', {
                      n: centers.length,
                      total: firstPage?.totalCount ?? 0,
                    })}
                  </Typography.Text>
                ) : null
              }
              style={{ marginBottom: 16 }}
            >
              {more.error ? (
                <Alert
                  type="warning"
                  showIcon
                  title={t('admin:coverageCentersIncomplete')}
                  style={{ marginBottom: 8 }}
                />
              ) : null}
              <CoverageMap
                uncovered={report.uncovered}
                centers={centers}
                withinMinutes={report.withinMinutes}
                focusId={focusId}
              />
            </Card>
          </Col>
        </Row>
      </Spin>
    );
  } else {
    body = <EmptyState />;
  }

  return (
    <Page title={t('admin:navCoverage')} extra={controls}>
      {body}
    </Page>
  );
}
