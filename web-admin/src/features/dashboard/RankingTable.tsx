// The centers ranked by composite score (residents' satisfaction and the eight-dimension
// evaluations, weighted by the district's setting), with their ranks in the street and in the
// district and how they moved since the previous period of the same length.
import { Flex, Table, Tooltip, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { RankingTable_CenterRankFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';
import { formatChange, formatComposite, rankChange, scoreColor } from './dashboardModel';

export const RankingTable_CenterRankFragment = graphql(`
  fragment RankingTable_CenterRankFragment on CenterRank {
    center {
      id
      name
      street {
        id
        name
      }
    }
    satisfaction {
      responses
      averageScore
    }
    satisfactionScore
    evaluationScore
    evaluations
    composite
    compositeChange
    streetRank
    districtRank
    streetRankChange
    districtRankChange
  }
`);

type Row = RankingTable_CenterRankFragmentFragment;

function Rank({ rank, change }: { rank: number | null | undefined; change: number | null | undefined }) {
  const c = rankChange(change);
  return (
    <Flex gap={6} align="baseline">
      <span>{rank ?? '—'}</span>
      {c.text ? (
        <span style={{ color: c.color, fontSize: 12 }} data-testid="rank-change">
          {c.text}
        </span>
      ) : null}
    </Flex>
  );
}

export function RankingTable({
  ranking,
  showStreet,
  selectedCenterId,
  onPick,
}: {
  ranking: readonly FragmentType<typeof RankingTable_CenterRankFragment>[];
  /** a district's ranking: name each center's street */
  showStreet: boolean;
  selectedCenterId: string | undefined;
  onPick: (centerId: string) => void;
}) {
  const { t } = useTranslation();
  const rows = useFragment(RankingTable_CenterRankFragment, ranking);
  const score = (v: number | null | undefined) => formatComposite(v) ?? '—';

  const columns: TableColumnsType<Row> = [
    {
      title: t('admin:dashboardRankStreet'),
      key: 'streetRank',
      width: 90,
      render: (_: unknown, r: Row) => <Rank rank={r.streetRank} change={r.streetRankChange} />,
    },
    {
      title: t('admin:dashboardRankDistrict'),
      key: 'districtRank',
      width: 90,
      render: (_: unknown, r: Row) => <Rank rank={r.districtRank} change={r.districtRankChange} />,
    },
    {
      title: t('admin:dashboardCenter'),
      key: 'center',
      render: (_: unknown, r: Row) => (
        <Typography.Link onClick={() => onPick(r.center.id)}>{r.center.name}</Typography.Link>
      ),
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
      title: (
        <Tooltip title={t('admin:dashboardCompositeHint')}>
          <span>{t('admin:dashboardComposite')}</span>
        </Tooltip>
      ),
      key: 'composite',
      width: 130,
      align: 'right',
      render: (_: unknown, r: Row) => {
        const change = formatChange(r.compositeChange);
        return (
          <Flex gap={6} justify="flex-end" align="center">
            <span
              style={{
                display: 'inline-block',
                width: 10,
                height: 10,
                borderRadius: '50%',
                background: scoreColor(r.composite),
              }}
            />
            <strong>{score(r.composite)}</strong>
            {change ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {change}
              </Typography.Text>
            ) : null}
          </Flex>
        );
      },
    },
    {
      title: t('admin:dashboardSatisfactionScore'),
      key: 'satisfaction',
      align: 'right',
      render: (_: unknown, r: Row) => (
        <Tooltip title={t('admin:dashboardResponsesCount', { n: r.satisfaction.responses })}>
          <span>{score(r.satisfactionScore)}</span>
        </Tooltip>
      ),
    },
    {
      title: t('admin:dashboardEvaluationScore'),
      key: 'evaluation',
      align: 'right',
      render: (_: unknown, r: Row) => (
        <Tooltip title={t('admin:dashboardEvaluationsCount', { n: r.evaluations })}>
          <span>{score(r.evaluationScore)}</span>
        </Tooltip>
      ),
    },
  ];

  return (
    <Table<Row>
      data-testid="ranking-table"
      rowKey={(r) => r.center.id}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 420 }}
      locale={{ emptyText: <EmptyState description={t('admin:dashboardNoCenters')} /> }}
      rowClassName={(r) => (r.center.id === selectedCenterId ? 'ant-table-row-selected' : '')}
      onRow={(r) =>
        ({
          'data-testid': 'ranking-row',
          'data-center-id': r.center.id,
          'data-center-name': r.center.name,
          'data-rank-street': r.streetRank ?? '',
          'data-rank-district': r.districtRank ?? '',
          'data-composite': formatComposite(r.composite) ?? '',
          'data-satisfaction': formatComposite(r.satisfactionScore) ?? '',
          'data-evaluation': formatComposite(r.evaluationScore) ?? '',
          'data-responses': r.satisfaction.responses,
          style: { cursor: 'pointer' },
          onClick: () => onPick(r.center.id),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
