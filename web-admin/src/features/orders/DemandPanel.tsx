// The demand of the chosen status grouped by item: many residents ordering the same item is
// what officials look for. A table and a bar chart; picking an item lists its orders below.
import { Card, Col, Row, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { DemandPanel_DeliveryDemandFragmentFragment } from '../../gql/graphql';
import { EmptyState, LoadingState } from '../../ui/states';
import { MENU_COLORS } from '../menus/menuRules';
import { DEMAND_CHART_TOP, formatDateTime } from './ordersModel';

const DemandChart = lazy(() => import('./DemandChart'));

export const DemandPanel_DeliveryDemandFragment = graphql(`
  fragment DemandPanel_DeliveryDemandFragment on DeliveryDemand {
    service {
      id
      name
      category
      menu
    }
    orderCount
    residentCount
    centerCount
    firstRequestedAt
    lastRequestedAt
  }
`);

type Row = DemandPanel_DeliveryDemandFragmentFragment;

export function DemandPanel({
  demand,
  loading,
  selectedId,
  onSelect,
}: {
  demand: readonly FragmentType<typeof DemandPanel_DeliveryDemandFragment>[];
  loading: boolean;
  selectedId: string | null;
  /** null clears the pick */
  onSelect: (serviceId: string | null) => void;
}) {
  const { t } = useTranslation();
  const rows = useFragment(DemandPanel_DeliveryDemandFragment, demand) as readonly Row[];
  const labels = useMemo(
    () => ({ residents: t('admin:ordersResidents'), orders: t('admin:ordersOrderCount') }),
    [t],
  );

  const columns: TableColumnsType<Row> = [
    {
      title: t('admin:ordersItem'),
      key: 'item',
      render: (_, r) => (
        <div>
          <Typography.Link strong={r.service.id === selectedId}>{r.service.name}</Typography.Link>
          <div>
            <Tag style={{ marginTop: 4 }}>{t(`enum:category.${r.service.category}`)}</Tag>
            <Tag color={MENU_COLORS[r.service.menu]}>{t(`enum:menu.${r.service.menu}`)}</Tag>
          </div>
        </div>
      ),
    },
    {
      title: t('admin:ordersResidents'),
      dataIndex: 'residentCount',
      key: 'residents',
      align: 'right',
      width: 96,
    },
    { title: t('admin:ordersOrderCount'), dataIndex: 'orderCount', key: 'orders', align: 'right', width: 84 },
    {
      title: t('admin:ordersCenterCount'),
      dataIndex: 'centerCount',
      key: 'centers',
      align: 'right',
      width: 96,
    },
    {
      title: t('admin:ordersFirstRequested'),
      key: 'first',
      width: 140,
      render: (_, r) => formatDateTime(r.firstRequestedAt),
    },
    {
      title: t('admin:ordersLastRequested'),
      key: 'last',
      width: 140,
      render: (_, r) => formatDateTime(r.lastRequestedAt),
    },
  ];

  return (
    <Card
      size="small"
      title={t('admin:ordersDemandTitle')}
      extra={<Typography.Text type="secondary">{t('admin:ordersDemandHint')}</Typography.Text>}
      style={{ marginBottom: 16 }}
    >
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <div data-testid="demand-table">
            <Table<Row>
              rowKey={(r) => r.service.id}
              size="small"
              columns={columns}
              dataSource={rows as Row[]}
              loading={loading}
              pagination={rows.length > 10 ? { pageSize: 10, size: 'small', showSizeChanger: false } : false}
              locale={{
                emptyText: loading ? ' ' : <EmptyState description={t('admin:ordersDemandEmpty')} />,
              }}
              onRow={(r) =>
                ({
                  onClick: () => onSelect(r.service.id === selectedId ? null : r.service.id),
                  style: {
                    cursor: 'pointer',
                    background: r.service.id === selectedId ? '#fff7e6' : undefined,
                  },
                  'data-testid': 'demand-row',
                  'data-service-name': r.service.name,
                  'data-service-id': r.service.id,
                  'aria-selected': r.service.id === selectedId,
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </div>
        </Col>
        <Col xs={24} xl={10}>
          <Typography.Text type="secondary">
            {t('admin:ordersDemandChartTitle', { n: DEMAND_CHART_TOP })}
          </Typography.Text>
          <div data-testid="demand-chart">
            {rows.length === 0 ? (
              loading ? (
                <LoadingState />
              ) : (
                <EmptyState description={t('admin:ordersDemandEmpty')} />
              )
            ) : (
              <Suspense fallback={<LoadingState />}>
                <DemandChart rows={rows} selectedId={selectedId} labels={labels} onSelect={onSelect} />
              </Suspense>
            )}
          </div>
        </Col>
      </Row>
    </Card>
  );
}
