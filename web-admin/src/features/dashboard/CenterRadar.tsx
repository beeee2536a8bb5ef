// The radar card: pick a center of the region; its eight evaluation scores against its street's
// average over the dashboard's period, and residents' answers for the dimensions surveys asked about.
import type { Dimension } from '@lc/domain';
import { Flex, Select, Tag, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { residentScores } from './dashboardModel';

const RadarChart = lazy(() => import('./RadarChart'));

const CenterRadarQuery = graphql(`
  query CenterRadar($centerId: ID!, $from: DateTime!, $to: DateTime!) {
    centerDimensions(centerId: $centerId, from: $from, to: $to) {
      dimension
      evaluationScore
      streetAverage
      residentScore
    }
  }
`);

export function CenterRadar({
  centers,
  centerId,
  from,
  to,
  onPick,
}: {
  centers: readonly { id: string; name: string }[];
  centerId: string | undefined;
  from: string;
  to: string;
  onPick: (centerId: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: CenterRadarQuery,
    variables: { centerId: centerId ?? '', from, to },
    pause: !centerId,
    requestPolicy: 'cache-and-network',
  });
  const labels = useMemo(
    () => ({
      center: t('admin:dashboardRadarCenter'),
      street: t('admin:dashboardRadarStreet'),
      dimension: (d: Dimension) => t(`enum:dimension.${d}`),
    }),
    [t],
  );
  const dims = data?.centerDimensions;
  const empty =
    dims !== undefined &&
    dims.every((d) => d.evaluationScore == null && d.streetAverage == null && d.residentScore == null);

  let body;
  if (!centerId) body = <EmptyState description={t('admin:dashboardNoCenters')} />;
  else if (error && !dims)
    body = <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  else if (!dims) body = <LoadingState />;
  else if (empty) body = <EmptyState description={t('admin:dashboardRadarEmpty')} />;
  else {
    const residents = residentScores(dims);
    body = (
      <>
        <Suspense fallback={<LoadingState />}>
          <RadarChart dimensions={dims} labels={labels} />
        </Suspense>
        <Flex gap={6} wrap align="center" style={{ fontSize: 12 }} data-testid="dashboard-radar-residents">
          <Typography.Text type="secondary">{t('admin:dashboardRadarResidents')}</Typography.Text>
          {residents.length === 0 ? (
            <Typography.Text type="secondary">{t('admin:dashboardNoFigure')}</Typography.Text>
          ) : (
            residents.map((r) => (
              <Tag key={r.dimension}>
                {t(`enum:dimension.${r.dimension}`)} {r.score.toFixed(1)}
              </Tag>
            ))
          )}
        </Flex>
      </>
    );
  }

  return (
    <div data-testid="dashboard-radar" data-center-id={centerId ?? ''} aria-busy={fetching}>
      <Flex gap={8} align="center" style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">{t('admin:dashboardCenter')}</Typography.Text>
        <Select
          data-testid="dashboard-radar-center"
          style={{ flex: 1, minWidth: 160 }}
          virtual={false}
          showSearch={{ optionFilterProp: 'label' }}
          value={centerId}
          onChange={onPick}
          options={centers.map((c) => ({ value: c.id, label: c.name }))}
          notFoundContent={t('common:empty')}
        />
      </Flex>
      {body}
    </div>
  );
}
