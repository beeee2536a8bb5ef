// Centers (blue, with their walking range) and uncovered communities (red) on one map.
import { walkingRadiusMeters } from '@lc/domain';
import { Flex, Typography } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { MapArea, MapPoint } from '../../ui/PointMap';
import { LoadingState } from '../../ui/states';

const PointMap = lazy(() => import('../../ui/PointMap'));

export const CoverageMap_RegionFragment = graphql(`
  fragment CoverageMap_RegionFragment on Region {
    id
    name
    location {
      lat
      lng
    }
    parent {
      id
      name
    }
  }
`);

export const CoverageMap_CenterFragment = graphql(`
  fragment CoverageMap_CenterFragment on Center {
    id
    name
    kind
    address
    location {
      lat
      lng
    }
  }
`);

export const UNCOVERED_COLOR = '#f5222d';
export const CENTER_COLOR = '#1677ff';

function Dot({ color, ring }: { color: string; ring?: boolean }) {
  return (
    <span
      style={{
        display: 'inline-block',
        width: 12,
        height: 12,
        borderRadius: '50%',
        background: ring ? `${color}22` : color,
        border: `2px solid ${color}`,
        marginInlineEnd: 6,
        verticalAlign: 'middle',
      }}
    />
  );
}

export function CoverageMap({
  uncovered,
  centers,
  withinMinutes,
  focusId,
}: {
  uncovered: readonly FragmentType<typeof CoverageMap_RegionFragment>[];
  centers: readonly FragmentType<typeof CoverageMap_CenterFragment>[];
  withinMinutes: number;
  focusId?: string | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const communities = useFragment(CoverageMap_RegionFragment, uncovered);
  const centerList = useFragment(CoverageMap_CenterFragment, centers);

  const points = useMemo<MapPoint[]>(() => {
    const out: MapPoint[] = centerList.map((c) => ({
      id: `center-${c.id}`,
      lat: c.location.lat,
      lng: c.location.lng,
      color: CENTER_COLOR,
      radius: c.kind === 'HUB' ? 8 : 6,
      label: c.name,
      detail: `${t(`enum:centerKind.${c.kind}`)} · ${c.address}`,
      onClick: () => navigate(`/centers/${encodeURIComponent(c.id)}`),
    }));
    for (const r of communities) {
      if (!r.location) continue;
      out.push({
        id: `community-${r.id}`,
        lat: r.location.lat,
        lng: r.location.lng,
        color: UNCOVERED_COLOR,
        radius: r.id === focusId ? 10 : 7,
        label: r.name,
        detail: [r.parent?.name, t('admin:coverageUncoveredShort')].filter(Boolean).join(' · '),
      });
    }
    return out;
  }, [centerList, communities, focusId, navigate, t]);

  const radius = walkingRadiusMeters(withinMinutes);
  const areas = useMemo<MapArea[]>(
    () =>
      centerList.map((c) => ({
        id: c.id,
        lat: c.location.lat,
        lng: c.location.lng,
        radiusMeters: radius,
        color: CENTER_COLOR,
      })),
    [centerList, radius],
  );

  const focused = communities.find((r) => r.id === focusId)?.location ?? null;
  const missingPoints = communities.filter((r) => !r.location).length;

  return (
    <div>
      <Suspense fallback={<LoadingState />}>
        <PointMap points={points} areas={areas} focus={focused} height={460} testId="coverage-map" />
      </Suspense>
      <Flex gap={16} wrap style={{ marginTop: 8 }} align="center">
        <span>
          <Dot color={CENTER_COLOR} />
          {t('admin:legendCenters', { n: centerList.length })}
        </span>
        <span>
          <Dot color={UNCOVERED_COLOR} />
          {t('admin:legendUncovered', { n: communities.length })}
        </span>
        <span>
          <Dot color={CENTER_COLOR} ring />
          {t('admin:legendWalkingRange', { n: withinMinutes, meters: Math.round(radius) })}
        </span>
        {missingPoints > 0 ? (
          <Typography.Text type="warning">
            {t('admin:legendMissingPoints', { n: missingPoints })}
          </Typography.Text>
        ) : null}
      </Flex>
    </div>
  );
}
