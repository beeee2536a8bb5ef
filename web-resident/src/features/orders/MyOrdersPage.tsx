// 我的点单: the resident's orders, newest first, paged ("加载更多", or pull down to refresh),
// with cancel and rate where the API allows them.
import { PullToRefresh } from 'antd-mobile';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import { useClient, useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { PageHeader } from '../../ui/PageHeader';
import { CursorPageItems } from '../../ui/CursorPageItems';
import { EmptyView } from '../../ui/StateViews';
import { type CursorPage, useCursorPages } from '../../ui/use-cursor-pages';
import { showToast } from '../account/toast';
import { mutationErrorText } from './mutation-errors';
import { OrderCard } from './OrderCard';
import './orders.css';

export const ORDERS_PAGE_SIZE = 10;

const MyOrdersQuery = graphql(`
  query MyOrders($first: Int!, $after: String) {
    deliveryOrders(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...OrderCard_DeliveryOrderFragment
        }
      }
    }
  }
`);

const TransitionOrderMutation = graphql(`
  mutation MyOrdersTransition(
    $id: ID!
    $to: DeliveryStatus!
    $reason: String
    $rating: Int
    $comment: String
  ) {
    transitionDeliveryOrder(id: $id, to: $to, reason: $reason, rating: $rating, comment: $comment) {
      id
      ...OrderCard_DeliveryOrderFragment
    }
  }
`);

/** The page state the mobile menu hands over after a successful order. */
export interface OrdersLocationState {
  placedOrderId?: string;
}

export default function MyOrdersPage() {
  const { t, i18n } = useTranslation(NAMESPACES);
  const client = useClient();
  const location = useLocation();
  const placedOrderId = (location.state as OrdersLocationState | null)?.placedOrderId ?? null;
  // the loaded pages, by cursor; a new generation remounts the list and reloads it from the server
  const { pages, reset } = useCursorPages();
  const [generation, setGeneration] = useState(0);
  const [, transition] = useMutation(TransitionOrderMutation);

  const reload = useCallback(() => {
    reset();
    setGeneration((g) => g + 1);
  }, [reset]);

  // pull to refresh: the first page again from the server (its query on the page receives the
  // answer), later pages dropped
  const onRefresh = useCallback(async () => {
    await client
      .query(MyOrdersQuery, { first: ORDERS_PAGE_SIZE, after: null }, { requestPolicy: 'network-only' })
      .toPromise();
    reset();
  }, [client, reset]);

  const onCancel = useCallback(
    async (id: string, reason: string) => {
      const result = await transition({ id, to: 'CANCELLED', reason: reason || null });
      if (result.error) {
        reload();
        return mutationErrorText(result.error, t, i18n.language);
      }
      showToast(t('orderCancelled'), 'success');
      return null;
    },
    [transition, reload, t, i18n.language],
  );

  const onRate = useCallback(
    async (id: string, rating: number, comment: string) => {
      const result = await transition({ id, to: 'RATED', rating, comment: comment || null });
      if (result.error) {
        if (!result.error.graphQLErrors.some((e) => e.extensions?.code === 'BAD_USER_INPUT')) reload();
        return mutationErrorText(result.error, t, i18n.language);
      }
      showToast(t('rateThanks'), 'success');
      return null;
    },
    [transition, reload, t, i18n.language],
  );

  return (
    <div className="page orders-page" data-testid="orders-page">
      <PageHeader title={t('ordersTitle')} />
      {placedOrderId && (
        <p className="notice notice-success" role="status" data-testid="order-placed-notice">
          {t('orderPlacedNotice')}
        </p>
      )}
      <PullToRefresh onRefresh={onRefresh}>
        <ul className="card-list order-list" data-testid="order-list" key={generation}>
          {pages.map((page) => (
            <OrdersPage
              key={page.after ?? 'first'}
              page={page}
              fresh={generation > 0}
              placedOrderId={placedOrderId}
              onCancel={onCancel}
              onRate={onRate}
            />
          ))}
        </ul>
      </PullToRefresh>
    </div>
  );
}

interface ListProps {
  fresh: boolean;
  placedOrderId: string | null;
  onCancel: (id: string, reason: string) => Promise<string | null>;
  onRate: (id: string, rating: number, comment: string) => Promise<string | null>;
}

function OrdersPage({
  page,
  fresh,
  placedOrderId,
  onCancel,
  onRate,
}: ListProps & {
  page: CursorPage;
}) {
  const { t } = useTranslation(NAMESPACES);
  // an empty answer holds no DeliveryOrder to invalidate: name the type so a new order refetches it
  const context = useMemo(() => ({ additionalTypenames: ['DeliveryOrder'] }), []);
  const query = useQuery({
    query: MyOrdersQuery,
    variables: { first: ORDERS_PAGE_SIZE, after: page.after },
    requestPolicy: fresh ? 'network-only' : 'cache-and-network',
    context,
  });

  return (
    <CursorPageItems
      page={page}
      query={query}
      connection={query[0].data?.deliveryOrders}
      loadingTestId="orders-loading"
      totalTestId="orders-total"
      totalText={(count) => t('ordersTotal', { count })}
      empty={
        <EmptyView title={t('ordersEmpty')} testId="orders-empty">
          <Link className="big-button big-button-primary" to="/mobile">
            {t('ordersGoOrder')}
          </Link>
        </EmptyView>
      }
      renderItem={(order) => (
        <OrderCard order={order} highlight={order.id === placedOrderId} onCancel={onCancel} onRate={onRate} />
      )}
    />
  );
}
