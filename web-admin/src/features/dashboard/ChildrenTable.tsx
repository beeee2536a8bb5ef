// Drill-down: a district's streets (click one to see that street) or a street's centers (click
// one to show it on the radar), each with its own satisfaction figures and, for centers, whether
// it meets the district's compliance target.
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { ChildrenTable_ChildFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';
import { formatRate, formatScore } from './dashboardModel';

export const ChildrenTable_ChildFragment = graphql(`
  fragment ChildrenTable_ChildFragment on SatisfactionChild {
    region {
      id
      name
    }
    center {
      id
      name
    }
    summary {
      responses
      averageScore
      satisfiedRate
    }
    meetsTarget
  }
`);

type Row = ChildrenTable_ChildFragmentFragment;

const idOf = (r: Row) => r.region?.id ?? r.center?.id ?? '';

export function ChildrenTable({
  items,
  onPickStreet,
  onPickCenter,
}: {
  items: readonly FragmentType<typeof ChildrenTable_ChildFragment>[];
  onPickStreet: (regionId: string) => void;
  onPickCenter: (centerId: string) => void;
}) {
  const { t } = useTranslation();
  const rows = useFragment(ChildrenTable_ChildFragment, items);
  const none = '—';
  const pick = (r: Row) => {
    if (r.region) onPickStreet(r.region.id);
    else if (r.center) onPickCenter(r.center.id);
  };
  const hasCenters = rows.some((r) => r.center);

  const columns: TableColumnsType<Row> = [
    {
      title: hasCenters ? t('admin:dashboardCenter') : t('admin:dashboardStreet'),
      key: 'name',
      render: (_: unknown, r: Row) => (
        <Typography.Link onClick={() => pick(r)}>{r.region?.name ?? r.center?.name}</Typography.Link>
      ),
    },
    {
      title: t('admin:dashboardKpiResponses'),
      key: 'responses',
      align: 'right',
      render: (_: unknown, r: Row) => r.summary.responses.toLocaleString(),
    },
    {
      title: t('admin:dashboardAverageShort'),
      key: 'average',
      align: 'right',
      render: (_: unknown, r: Row) => formatScore(r.summary.averageScore) ?? none,
    },
    {
      title: t('admin:dashboardKpiSatisfied'),
      key: 'satisfied',
      align: 'right',
      render: (_: unknown, r: Row) => formatRate(r.summary.satisfiedRate) ?? none,
    },
    ...(hasCenters
      ? [
          {
            title: t('admin:dashboardMeetsTarget'),
            key: 'meets',
            render: (_: unknown, r: Row) =>
              r.meetsTarget === null || r.meetsTarget === undefined ? (
                none
              ) : r.meetsTarget ? (
                <Tag color="green">{t('admin:dashboardMeets')}</Tag>
              ) : (
                <Tag color="red">{t('admin:dashboardMisses')}</Tag>
              ),
          },
        ]
      : []),
  ];

  return (
    <Table<Row>
      data-testid="dashboard-children"
      rowKey={idOf}
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ y: 360 }}
      locale={{ emptyText: <EmptyState /> }}
      onRow={(r) =>
        ({
          'data-testid': 'dashboard-child-row',
          'data-name': r.region?.name ?? r.center?.name ?? '',
          'data-responses': r.summary.responses,
          'data-average': formatScore(r.summary.averageScore) ?? '',
          style: { cursor: 'pointer' },
          onClick: () => pick(r),
        }) as HTMLAttributes<HTMLElement>
      }
    />
  );
}
