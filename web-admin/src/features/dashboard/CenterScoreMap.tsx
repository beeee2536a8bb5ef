// The region's centers on a map, each dot coloured by its composite score (grey without one).
// Drawn by the shared PointMap: no tiles unless VITE_TILE_URL is set.
import { Flex, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { MapPoint } from '../../ui/PointMap';
import { LoadingState } from '../../ui/states';
import { formatComposite, NO_SCORE_COLOR, scoreBandLabels, scoreColor } from './dashboardModel';

const PointMap = lazy(() => import('../../ui/PointMap'));

export const CenterScoreMap_CenterRankFragment = graphql(`
  fragment CenterScoreMap_CenterRankFragment on CenterRank {
    composite
    streetRank
    center {
      id
      name
      kind
      location {
        lat
        lng
      }
    }
  }
`);

function Dot({ color }: { color: string }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 10,
        height: 10,
        borderRadius: '50%',
        background: color,
        marginInlineEnd: 4,
        verticalAlign: 'middle',
      }}
    />
  );
}

export function CenterScoreMap({
  ranking,
  selectedCenterId,
  onPick,
}: {
  ranking: readonly FragmentType<typeof CenterScoreMap_CenterRankFragment>[];
  selectedCenterId: string | undefined;
  onPick: (centerId: string) => void;
}) {
  const { t } = useTranslation();
  const rows = useFragment(CenterScoreMap_CenterRankFragment, ranking);
  const points = useMemo<MapPoint[]>(
    () =>
      rows.map((r) => ({
        id: r.center.id,
        lat: r.center.location.lat,
        lng: r.center.location.lng,
        color: scoreColor(r.composite),
        radius: r.center.id === selectedCenterId ? 11 : r.center.kind === 'HUB' ? 8 : 6,
        label: r.center.name,
        detail: t('admin:dashboardMapDetail', {
          score: formatComposite(r.composite) ?? '—',
          rank: r.streetRank ?? '—',
        }),
        onClick: () => onPick(r.center.id),
      })),
    [rows, selectedCenterId, onPick, t],
  );
  return (
    <div>
      <Suspense fallback={<LoadingState />}>
        <PointMap points={points} height={360} testId="dashboard-map" />
      </Suspense>
      <Flex gap={12} wrap style={{ marginTop: 8, fontSize: 12 }} align="center">
        <Typography.Text type="secondary">{t('admin:dashboardComposite')}</Typography.Text>
        {scoreBandLabels().map((b) => (
          <span key={b.label}>
            <Dot color={b.color} />
            {b.label}
          </span>
        ))}
        <span>
          <Dot color={NO_SCORE_COLOR} />
          {t('admin:dashboardNoScore')}
        </span>
      </Flex>
    </div>
  );
}
