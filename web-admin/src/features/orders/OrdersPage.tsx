// /orders — 流动点单: the mobile-service orders of the viewer's center(s). Pick a center (center
// staff: their own) and a status; see the demand of that status grouped by item, then the
// orders themselves with the moves the viewer may make. Center, status and item live in the URL.
import type { DeliveryStatus } from '@lc/domain';
import { CloseCircleOutlined } from '@ant-design/icons';
import { Badge, Flex, Select, Tabs, Tag, Typography } from 'antd';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { Page } from '../../ui/Page';
import { ErrorAlert, ErrorState } from '../../ui/states';
import { useViewer } from '../auth/AuthProvider';
import { DemandPanel } from './DemandPanel';
import { OrdersList } from './OrdersList';
import { ORDER_STATUS_TABS, orderFilter, parseStatusTab } from './ordersModel';
import { useOrderCenters } from './useOrderCenters';

const OrdersOverviewQuery = graphql(`
  query OrdersOverview($filter: DeliveryOrderFilter!, $centerId: ID) {
    deliveryDemand(filter: $filter) {
      service {
        id
        name
      }
      ...DemandPanel_DeliveryDemandFragment
    }
    REQUESTED: deliveryOrders(filter: { centerId: $centerId, status: REQUESTED }, first: 0) {
      totalCount
    }
    ACCEPTED: deliveryOrders(filter: { centerId: $centerId, status: ACCEPTED }, first: 0) {
      totalCount
    }
    SCHEDULED: deliveryOrders(filter: { centerId: $centerId, status: SCHEDULED }, first: 0) {
      totalCount
    }
    DELIVERED: deliveryOrders(filter: { centerId: $centerId, status: DELIVERED }, first: 0) {
      totalCount
    }
    RATED: deliveryOrders(filter: { centerId: $centerId, status: RATED }, first: 0) {
      totalCount
    }
    REJECTED: deliveryOrders(filter: { centerId: $centerId, status: REJECTED }, first: 0) {
      totalCount
    }
    CANCELLED: deliveryOrders(filter: { centerId: $centerId, status: CANCELLED }, first: 0) {
      totalCount
    }
  }
`);

const ALL = '';

export default function OrdersPage() {
  const { t } = useTranslation();
  const viewer = useViewer();
  const [params, setParams] = useSearchParams();
  const centers = useOrderCenters(viewer);

  const status = parseStatusTab(params.get('status'));
  // Center staff see their own center only; others may narrow to one center or see all.
  const centerId = centers.isStaff ? (centers.fixedCenter?.id ?? null) : params.get('center') || null;
  const serviceId = params.get('service') || null;

  const update = useCallback(
    (next: { status?: DeliveryStatus; center?: string | null; service?: string | null }) => {
      // From the address bar, not the render: two quick clicks must not undo each other.
      const p = new URLSearchParams(window.location.search);
      const set = (key: string, value: string | null | undefined) => {
        if (value === undefined) return;
        if (value) p.set(key, value);
        else p.delete(key);
      };
      set('status', next.status);
      set('center', next.center);
      set('service', next.service);
      setParams(p, { replace: true });
    },
    [setParams],
  );

  // Staff wait for their center before asking for orders (the server would scope them anyway).
  const waitingForCenter = centers.isStaff && !centers.fixedCenter && centers.fetching;
  const [overview, reexecuteOverview] = useQuery({
    query: OrdersOverviewQuery,
    variables: { filter: orderFilter({ status, centerId }), centerId },
    pause: waitingForCenter,
  });
  const refreshOverview = useCallback(
    () => reexecuteOverview({ requestPolicy: 'network-only' }),
    [reexecuteOverview],
  );

  const demand = overview.data?.deliveryDemand;
  const selectedName =
    serviceId && demand ? demand.find((d) => d.service.id === serviceId)?.service.name : undefined;

  // Option texts are the bare center names; centers of several streets are grouped by street.
  const centerOptions = useMemo(() => {
    const listed = centers.centers;
    if (centers.isStaff) return listed.map((c) => ({ value: c.id, label: c.name }));
    const picked =
      centerId && !listed.some((c) => c.id === centerId)
        ? // Keep the picked center listed while a search shows others.
          [{ value: centerId, label: centers.nameOf(centerId) ?? centerId }]
        : [];
    const all = [{ value: ALL, label: t('admin:ordersAllCenters') }, ...picked];
    const streets = [...new Set(listed.map((c) => c.street))];
    if (streets.length <= 1) return [...all, ...listed.map((c) => ({ value: c.id, label: c.name }))];
    return [
      ...all,
      ...streets.map((street) => ({
        label: street,
        title: street,
        options: listed.filter((c) => c.street === street).map((c) => ({ value: c.id, label: c.name })),
      })),
    ];
  }, [centers, centerId, t]);

  return (
    <Page title={t('admin:ordersTitle')}>
      <div data-testid="orders-page">
        <Flex gap={12} align="center" wrap style={{ marginBottom: 8 }}>
          <Typography.Text>{t('admin:ordersCenter')}</Typography.Text>
          <Select
            data-testid="orders-center-select"
            style={{ width: 280 }}
            virtual={false}
            loading={centers.fetching}
            disabled={centers.isStaff}
            value={centers.isStaff ? (centers.fixedCenter?.id ?? undefined) : (centerId ?? ALL)}
            onChange={(v: string) => update({ center: v || null, service: null })}
            options={centerOptions}
            showSearch={
              centers.isStaff
                ? false
                : centers.serverSearch
                  ? { filterOption: false, onSearch: centers.onSearch }
                  : { optionFilterProp: 'label' }
            }
            onOpenChange={(open) => {
              if (!open) centers.onSearch('');
            }}
            placeholder={t('admin:ordersCenterSearch')}
            notFoundContent={t('common:empty')}
          />
        </Flex>
        {centers.error ? <ErrorAlert error={centers.error} /> : null}

        <Tabs
          activeKey={status}
          onChange={(key) => update({ status: key as DeliveryStatus })}
          items={ORDER_STATUS_TABS.map((s) => ({
            key: s,
            label: (
              <span data-testid={`orders-status-tab-${s}`}>
                {t(`admin:ordersTab${s}`)}{' '}
                <Badge
                  count={overview.data?.[s].totalCount ?? 0}
                  showZero={false}
                  overflowCount={999}
                  color={s === 'REQUESTED' ? '#faad14' : '#bfbfbf'}
                  data-testid={`orders-status-count-${s}`}
                />
              </span>
            ),
          }))}
        />

        {overview.error && !overview.data ? (
          <ErrorState error={overview.error} onRetry={refreshOverview} />
        ) : (
          <>
            {overview.error ? <ErrorAlert error={overview.error} /> : null}
            <DemandPanel
              demand={demand ?? []}
              loading={overview.fetching || waitingForCenter}
              selectedId={serviceId}
              onSelect={(id) => update({ service: id })}
            />
          </>
        )}

        {serviceId ? (
          <Flex style={{ marginBottom: 8 }}>
            <Tag
              color="orange"
              closable
              closeIcon={<CloseCircleOutlined />}
              onClose={() => update({ service: null })}
              data-testid="orders-service-filter"
            >
              {t('admin:ordersOnlyItem', { name: selectedName ?? serviceId })}
            </Tag>
          </Flex>
        ) : null}

        {waitingForCenter ? null : (
          <OrdersList
            status={status}
            centerId={centerId}
            serviceId={serviceId}
            showCenter={!centerId}
            onChanged={refreshOverview}
          />
        )}
      </div>
    </Page>
  );
}
