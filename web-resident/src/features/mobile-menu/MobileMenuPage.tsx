// 流动服务点单: the mobile-delivery items of my district and the street-feature items of my
// street (a segmented switch), by category and audience, paged; an item opens the order sheet.
// "My" district and street are those of the home center (我的服务中心), where orders are delivered.
import { AUDIENCES, SERVICE_CATEGORIES } from '@lc/domain';
import { useCallback, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { Chip } from '../../ui/Chip';
import { PageHeader } from '../../ui/PageHeader';
import { CursorPageItems } from '../../ui/CursorPageItems';
import { EmptyView, ErrorView, LoadingView } from '../../ui/StateViews';
import { type CursorPage, useCursorPages } from '../../ui/use-cursor-pages';
import { useEnumLabel } from '../../ui/use-labels';
import { homeCenterPath } from '../account/home-center-path';
import { showToast } from '../account/toast';
import { type HomeCenter, useMe } from '../account/use-me';
import type { OrdersLocationState } from '../orders/MyOrdersPage';
import { isEarlierOrder } from '../orders/order-format';
import { MobileItemCard } from './MobileItemCard';
import {
  type MobileMenuState,
  mobilePath,
  ORDER_MENUS,
  type OrderMenu,
  parseMobileParams,
  toMobileParams,
} from './mobile-params';
import { OrderSheet, type PlacedOrder } from './OrderSheet';
import '../account/account.css';
import './mobile-menu.css';

/** Items per page: small pages keep an old phone quick. */
export const MOBILE_PAGE_SIZE = 10;

const MobileMenuQuery = graphql(`
  query MobileMenu($filter: ServiceFilter!, $first: Int!, $after: String) {
    services(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        cursor
        node {
          id
          ...MobileItemCard_ServiceItemFragment
        }
      }
    }
  }
`);

export default function MobileMenuPage() {
  const { t } = useTranslation(NAMESPACES);
  const { me, loading, error, retry } = useMe();

  let body;
  if (loading) body = <LoadingView lines={4} testId="mobile-loading" />;
  else if (error) body = <ErrorView error={error} onRetry={retry} />;
  else if (!me?.homeCenter)
    body = (
      <EmptyView title={t('mobileNeedCenter')} testId="mobile-need-center">
        <Link
          className="big-button big-button-primary"
          to={homeCenterPath('/mobile')}
          data-testid="mobile-choose-center"
        >
          {t('homeCenterChoose')}
        </Link>
      </EmptyView>
    );
  else body = <MobileMenu center={me.homeCenter} />;

  return (
    <div className="page mobile-menu-page" data-testid="mobile-menu-page">
      <PageHeader title={t('mobileTitle')} />
      <p className="page-intro">{t('mobileIntro')}</p>
      {body}
    </div>
  );
}

function MobileMenu({ center }: { center: HomeCenter }) {
  const { t } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => parseMobileParams(params), [params]);

  const update = useCallback(
    (patch: Partial<MobileMenuState>, push = false) =>
      setParams(toMobileParams({ ...state, ...patch }), { replace: !push }),
    [state, setParams],
  );

  // opening the sheet adds a history entry, so the phone's back button closes it
  const openedHere = useRef(false);
  const openSheet = (item: string) => {
    openedHere.current = true;
    update({ item }, true);
  };
  const closeSheet = () => {
    if (openedHere.current) {
      openedHere.current = false;
      void navigate(-1);
    } else update({ item: null });
  };

  const onPlaced = (order: PlacedOrder, submittedAt: number) => {
    showToast(
      t(isEarlierOrder(order.requestedAt, submittedAt) ? 'orderAlreadyOpen' : 'orderPlaced'),
      'success',
    );
    // the sheet's entry becomes my orders: "back" from there returns to the list
    const placed: OrdersLocationState = { placedOrderId: order.id };
    void navigate('/orders', { state: placed, replace: openedHere.current });
  };

  const filterKey = `${state.menu}|${state.category ?? ''}|${state.audience ?? ''}|${center.street.id}`;
  const changeCenterTo = homeCenterPath(mobilePath(state));

  return (
    <>
      <div className="deliver-to" data-testid="mobile-deliver-to">
        <span>{t('mobileDeliverTo', { name: center.name })}</span>
        <Link
          className="link-button"
          to={homeCenterPath(mobilePath({ ...state, item: null }))}
          data-testid="mobile-change-center"
        >
          {t('homeCenterChange')}
        </Link>
      </div>

      <div className="segmented" role="tablist" aria-label={t('menuSwitchLabel')} data-testid="menu-switch">
        {ORDER_MENUS.map((menu: OrderMenu) => (
          <button
            key={menu}
            type="button"
            role="tab"
            aria-selected={state.menu === menu}
            className={`segmented-item${state.menu === menu ? ' is-active' : ''}`}
            data-value={menu}
            data-testid="menu-switch-option"
            onClick={() => update({ menu, item: null })}
          >
            {menu === 'MOBILE' ? t('menuSwitchMobile') : t('menuSwitchStreet')}
          </button>
        ))}
      </div>

      <div className="chip-row" role="tablist" aria-label={t('categoryFilter')}>
        <Chip
          active={!state.category}
          onClick={() => update({ category: null })}
          testId="mobile-category-tab"
          value=""
        >
          {t('allCategories')}
        </Chip>
        {SERVICE_CATEGORIES.map((c) => (
          <Chip
            key={c}
            active={state.category === c}
            onClick={() => update({ category: c })}
            testId="mobile-category-tab"
            value={c}
          >
            {label('category', c)}
          </Chip>
        ))}
      </div>

      <div className="chip-row audience-row" role="group" aria-label={t('audience')}>
        {AUDIENCES.map((a) => (
          <Chip
            key={a}
            active={state.audience === a}
            onClick={() => update({ audience: state.audience === a ? null : a })}
            testId="audience-chip"
            value={a}
          >
            {label('audience', a)}
          </Chip>
        ))}
      </div>

      <MobileResults key={filterKey} state={state} streetId={center.street.id} onOrder={openSheet} />

      <OrderSheet
        itemId={state.item}
        center={center}
        changeCenterTo={changeCenterTo}
        onClose={closeSheet}
        onPlaced={onPlaced}
      />
    </>
  );
}

function MobileResults({
  state,
  streetId,
  onOrder,
}: {
  state: MobileMenuState;
  streetId: string;
  onOrder: (id: string) => void;
}) {
  const { pages } = useCursorPages();
  return (
    <ul className="card-list" data-testid="mobile-list">
      {pages.map((page) => (
        <MobileResultsPage
          key={page.after ?? 'first'}
          page={page}
          state={state}
          streetId={streetId}
          onOrder={onOrder}
        />
      ))}
    </ul>
  );
}

function MobileResultsPage({
  page,
  state,
  streetId,
  onOrder,
}: {
  page: CursorPage;
  state: MobileMenuState;
  streetId: string;
  onOrder: (id: string) => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const query = useQuery({
    query: MobileMenuQuery,
    variables: {
      // the street gives the district's MOBILE items and the street's own STREET_FEATURE items
      filter: { menu: state.menu, regionId: streetId, category: state.category, audience: state.audience },
      first: MOBILE_PAGE_SIZE,
      after: page.after,
    },
  });

  return (
    <CursorPageItems
      page={page}
      query={query}
      connection={query[0].data?.services}
      loadingTestId="mobile-list-loading"
      totalTestId="mobile-total"
      totalText={(count) => t('mobileTotal', { count })}
      empty={<EmptyView title={t('mobileEmpty')} hint={t('mobileEmptyHint')} testId="mobile-empty" />}
      renderItem={(item) => <MobileItemCard item={item} onOrder={onOrder} />}
    />
  );
}
