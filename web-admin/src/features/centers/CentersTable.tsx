// The centers list: one row per center; clicking a row opens its detail page.
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { CentersTable_CenterFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';

export const CentersTable_CenterFragment = graphql(`
  fragment CentersTable_CenterFragment on Center {
    id
    name
    kind
    brand
    address
    street {
      id
      name
    }
    coveredCommunities {
      id
    }
    facilities
  }
`);

type Row = CentersTable_CenterFragmentFragment;

export function CentersTable({
  centers,
  loading,
  onOpen,
}: {
  centers: readonly FragmentType<typeof CentersTable_CenterFragment>[];
  loading: boolean;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const rows = useFragment(CentersTable_CenterFragment, centers);

  const columns: TableColumnsType<Row> = [
    {
      title: t('admin:centerName'),
      dataIndex: 'name',
      key: 'name',
      render: (name: string) => <Typography.Link>{name}</Typography.Link>,
    },
    {
      title: t('admin:centerKind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: string) => (
        <Tag color={kind === 'HUB' ? 'blue' : kind === 'VILLAGE_CENTER' ? 'green' : 'gold'}>
          {t(`enum:centerKind.${kind}`)}
        </Tag>
      ),
    },
    {
      title: t('admin:centerBrand'),
      dataIndex: 'brand',
      key: 'brand',
      render: (brand: string | null) => brand ?? '—',
    },
    { title: t('admin:centerStreet'), key: 'street', render: (_: unknown, r: Row) => r.street.name },
    { title: t('admin:centerAddress'), dataIndex: 'address', key: 'address', ellipsis: true },
    {
      title: t('admin:centerCoveredCount'),
      key: 'covered',
      align: 'right',
      render: (_: unknown, r: Row) => r.coveredCommunities.length,
    },
    {
      title: t('admin:centerFacilityCount'),
      key: 'facilities',
      align: 'right',
      render: (_: unknown, r: Row) => r.facilities.length,
    },
  ];

  return (
    <div data-testid="centers-table">
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows as Row[]}
        loading={loading}
        pagination={false}
        locale={{ emptyText: loading ? ' ' : <EmptyState description={t('admin:centersEmpty')} /> }}
        onRow={(r) =>
          ({
            onClick: () => onOpen(r.id),
            style: { cursor: 'pointer' },
            'data-testid': 'center-row',
            'data-center-id': r.id,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
