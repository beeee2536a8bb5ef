// The orders of a status (and optionally one center and one item), newest first, with cursor
// paging. The buttons of a row come from the order's viewerTransitions; clicking a row opens
// the order's details.
import type { DeliveryStatus } from '@lc/domain';
import { App, Button, Card, Flex, Popconfirm, Table, Tag, Typography } from 'antd';
import type { ButtonProps, TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql, useFragment } from '../../gql';
import type { OrdersList_DeliveryOrderFragmentFragment } from '../../gql/graphql';
import { CursorPagination } from '../../ui/CursorPagination';
import { currentAfter, initialPager, pagerReducer, type CursorPagerAction } from '../../ui/cursorPager';
import { EmptyState, ErrorAlert, ErrorState, useErrorMessage } from '../../ui/states';
import { OrderDetailDrawer } from './OrderDetailDrawer';
import { RejectOrderModal, type RejectTarget } from './RejectOrderModal';
import { ScheduleOrderModal, type ScheduleTarget } from './ScheduleOrderModal';
import { STATUS_COLORS, formatDateTime, hasAnyAction, orderActions, orderFilter } from './ordersModel';
import { isStale, useOrderTransition } from './useOrderTransition';

export const OrdersList_DeliveryOrderFragment = graphql(`
  fragment OrdersList_DeliveryOrderFragment on DeliveryOrder {
    id
    status
    note
    scheduledFor
    requestedAt
    viewerTransitions
    service {
      id
      name
    }
    center {
      id
      name
    }
    resident {
      id
      displayName
      phoneMasked
    }
  }
`);

const OrdersListQuery = graphql(`
  query OrdersList($filter: DeliveryOrderFilter!, $first: Int!, $after: String) {
    deliveryOrders(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...OrdersList_DeliveryOrderFragment
          ...OrderDetailDrawer_DeliveryOrderFragment
        }
      }
    }
  }
`);

type Row = OrdersList_DeliveryOrderFragmentFragment;

type Dialog = { kind: 'schedule'; order: ScheduleTarget } | { kind: 'reject'; order: RejectTarget } | null;

const confirmProps = (testId: string) => ({ 'data-testid': testId }) as ButtonProps;

export function OrdersList({
  status,
  centerId,
  serviceId,
  showCenter,
  onChanged,
}: {
  status: DeliveryStatus;
  centerId: string | null;
  serviceId: string | null;
  /** show the center column (when orders of several centers are listed) */
  showCenter: boolean;
  /** an order moved: refresh the counts and the demand */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  // Paging starts over when the filter changes. The list itself stays mounted, so a dialog
  // opened on an order survives a filter change racing with the click.
  const filterKey = `${status}|${centerId ?? ''}|${serviceId ?? ''}`;
  const [paging, setPaging] = useState(() => ({ key: filterKey, pager: initialPager() }));
  if (paging.key !== filterKey)
    setPaging({ key: filterKey, pager: pagerReducer(paging.pager, { type: 'first' }) });
  const pager = paging.key === filterKey ? paging.pager : pagerReducer(paging.pager, { type: 'first' });
  const dispatch = (action: CursorPagerAction) =>
    setPaging((p) => ({ key: p.key, pager: pagerReducer(p.pager, action) }));
  const [dialog, setDialog] = useState<Dialog>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const { move } = useOrderTransition();
  const errorText = useErrorMessage();

  const [{ data, fetching, error }, reexecute] = useQuery({
    query: OrdersListQuery,
    variables: {
      filter: orderFilter({ status, centerId, serviceId }),
      first: pager.pageSize,
      after: currentAfter(pager),
    },
  });
  const connection = data?.deliveryOrders;
  const nodes = connection?.edges.map((e) => e.node) ?? [];
  const rows = useFragment(OrdersList_DeliveryOrderFragment, nodes) as readonly Row[];
  const detail = detailId ? nodes.find((n) => n.id === detailId) : undefined;

  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    onChanged();
  };

  /** A move without a dialog (只接单, 标记已配送). */
  const quickMove = async (r: Row, to: DeliveryStatus) => {
    setBusyId(r.id);
    const res = await move(r.id, to);
    setBusyId(null);
    if (!('error' in res)) message.success(t(`admin:ordersDone${to}`));
    else if (isStale(res.error)) message.warning(t('admin:ordersConflict'));
    else message.error(errorText(res.error));
    refresh();
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('admin:ordersItem'),
      key: 'service',
      render: (_, r) => <Typography.Link>{r.service.name}</Typography.Link>,
    },
    ...(showCenter
      ? [{ title: t('admin:ordersCenter'), key: 'center', render: (_: unknown, r: Row) => r.center.name }]
      : []),
    {
      title: t('admin:ordersResident'),
      key: 'resident',
      width: 150,
      render: (_, r) =>
        r.resident ? (
          <div>
            <div>{r.resident.displayName}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.resident.phoneMasked ?? t('admin:ordersNoPhone')}
            </Typography.Text>
          </div>
        ) : (
          '—'
        ),
    },
    {
      title: t('admin:ordersNote'),
      dataIndex: 'note',
      key: 'note',
      ellipsis: true,
      render: (note: string | null) => note ?? '—',
    },
    {
      title: t('admin:ordersRequestedAt'),
      key: 'requestedAt',
      width: 140,
      render: (_, r) => formatDateTime(r.requestedAt),
    },
    {
      title: t('admin:ordersScheduledFor'),
      key: 'scheduledFor',
      width: 140,
      render: (_, r) => formatDateTime(r.scheduledFor),
    },
    {
      title: t('admin:ordersStatus'),
      key: 'status',
      width: 90,
      render: (_, r) => <Tag color={STATUS_COLORS[r.status]}>{t(`enum:deliveryStatus.${r.status}`)}</Tag>,
    },
    {
      title: t('admin:ordersActions'),
      key: 'actions',
      width: 300,
      render: (_, r) => {
        const can = orderActions(r.status, r.viewerTransitions);
        if (!hasAnyAction(can)) return <Typography.Text type="secondary">—</Typography.Text>;
        const busy = busyId === r.id;
        const schedule = () =>
          setDialog({
            kind: 'schedule',
            order: {
              id: r.id,
              status: r.status,
              serviceName: r.service.name,
              scheduledFor: r.scheduledFor ?? null,
            },
          });
        return (
          // Buttons act on the order; they don't open its details.
          <Flex gap={4} wrap onClick={(e) => e.stopPropagation()}>
            {can.acceptAndSchedule ? (
              <Button
                size="small"
                type="primary"
                onClick={schedule}
                data-testid="order-accept"
                disabled={busy}
              >
                {r.status === 'REQUESTED' ? t('admin:ordersAcceptAndSchedule') : t('admin:ordersSchedule')}
              </Button>
            ) : null}
            {can.acceptOnly ? (
              <Button
                size="small"
                onClick={() => quickMove(r, 'ACCEPTED')}
                loading={busy}
                data-testid="order-accept-only"
              >
                {t('admin:ordersAcceptOnly')}
              </Button>
            ) : null}
            {can.reschedule ? (
              <Button size="small" onClick={schedule} data-testid="order-reschedule" disabled={busy}>
                {t('admin:ordersReschedule')}
              </Button>
            ) : null}
            {can.deliver ? (
              <Popconfirm
                title={t('admin:ordersDeliverConfirm', { name: r.service.name })}
                okText={t('common:confirm')}
                cancelText={t('common:cancel')}
                okButtonProps={confirmProps('order-deliver-confirm')}
                cancelButtonProps={confirmProps('order-deliver-cancel')}
                onConfirm={() => quickMove(r, 'DELIVERED')}
              >
                <Button size="small" type="primary" loading={busy} data-testid="order-deliver">
                  {t('admin:ordersDeliver')}
                </Button>
              </Popconfirm>
            ) : null}
            {can.reject ? (
              <Button
                size="small"
                danger
                disabled={busy}
                onClick={() =>
                  setDialog({ kind: 'reject', order: { id: r.id, serviceName: r.service.name } })
                }
                data-testid="order-reject"
              >
                {t('admin:ordersReject')}
              </Button>
            ) : null}
          </Flex>
        );
      },
    },
  ];

  return (
    <Card size="small" title={t('admin:ordersListTitle')}>
      {error && !connection ? (
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : (
        <>
          {error ? <ErrorAlert error={error} /> : null}
          <div data-testid="orders-table">
            <Table<Row>
              rowKey="id"
              size="middle"
              columns={columns}
              dataSource={rows as Row[]}
              loading={fetching}
              pagination={false}
              scroll={{ x: 960 }}
              locale={{ emptyText: fetching ? ' ' : <EmptyState description={t('admin:ordersEmpty')} /> }}
              onRow={(r) =>
                ({
                  onClick: () => setDetailId(r.id),
                  style: { cursor: 'pointer' },
                  'data-testid': 'order-row',
                  'data-order-id': r.id,
                  'data-status': r.status,
                  'data-service-name': r.service.name,
                }) as React.HTMLAttributes<HTMLElement>
              }
            />
          </div>
          <CursorPagination
            testIdPrefix="orders-pager"
            pager={pager}
            dispatch={dispatch}
            connection={connection}
            rowCount={rows.length}
            disabled={fetching}
          />
        </>
      )}
      {dialog?.kind === 'schedule' ? (
        <ScheduleOrderModal order={dialog.order} onClose={() => setDialog(null)} onChanged={refresh} />
      ) : null}
      {dialog?.kind === 'reject' ? (
        <RejectOrderModal order={dialog.order} onClose={() => setDialog(null)} onChanged={refresh} />
      ) : null}
      {detail ? <OrderDetailDrawer order={detail} onClose={() => setDetailId(null)} /> : null}
    </Card>
  );
}
