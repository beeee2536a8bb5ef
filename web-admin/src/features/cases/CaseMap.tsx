// The open cases of the board's filter on a map, coloured by their deadline (overdue red).
import { Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { CaseFilter } from '../../gql/graphql';
import { PointMap, type MapPoint } from '../../ui/PointMap';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { TONE_COLORS, deadlineTone, type DeadlineTone } from './casesModel';

const CaseMapQuery = graphql(`
  query CaseMap($filter: CaseFilter) {
    caseMap(filter: $filter) {
      id
      lat
      lng
      status
      level
      category
      overdue
      deadlineAt
    }
  }
`);

const LEGEND: DeadlineTone[] = ['overdue', 'soon', 'today', 'ok', 'none'];

export default function CaseMap({ filter, onPick }: { filter: CaseFilter; onPick: (id: string) => void }) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: CaseMapQuery, variables: { filter } });
  const now = useMemo(() => (data ? new Date() : new Date(0)), [data]);
  const points: MapPoint[] = useMemo(
    () =>
      (data?.caseMap ?? []).map((c) => ({
        id: c.id,
        lat: c.lat,
        lng: c.lng,
        color: TONE_COLORS[deadlineTone(c.deadlineAt, c.overdue, now)],
        radius: c.overdue ? 9 : 7,
        label: `#${c.id} ${t(`enum:caseStatus.${c.status}`)}`,
        detail: t(`enum:caseLevel.${c.level}`),
        onClick: () => onPick(c.id),
      })),
    [data, now, t, onPick],
  );
  if (error && !data)
    return <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (fetching && !data) return <LoadingState />;
  if (!points.length) return <EmptyState description={t('admin:casesEmpty')} />;
  return (
    <div>
      <Flex gap={16} wrap style={{ marginBottom: 8 }}>
        {LEGEND.map((tone) => (
          <Flex key={tone} align="center" gap={4}>
            <span
              style={{
                width: 10,
                height: 10,
                borderRadius: 5,
                background: TONE_COLORS[tone],
                display: 'inline-block',
              }}
            />
            <Typography.Text type="secondary">{t(`admin:casesTone_${tone}`)}</Typography.Text>
          </Flex>
        ))}
      </Flex>
      <PointMap points={points} height={520} testId="case-map" />
    </div>
  );
}
