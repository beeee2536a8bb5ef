// The order sheet (点单): the item, the center it goes to (with a link to change it), an optional
// note, and 确认点单. A repeat while an order is open gets that same order back from the API.
import { ORDER_NOTE_MAX_LENGTH } from '@lc/domain';
import { Popup } from 'antd-mobile';
import { CloseOutline } from 'antd-mobile-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../../gql';
import { NAMESPACES } from '../../i18n';
import { ErrorView, InlineLoading, LoadingView } from '../../ui/StateViews';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import type { HomeCenter } from '../account/use-me';
import { mutationErrorText } from '../orders/mutation-errors';
import '../account/account.css';
import './mobile-menu.css';

const OrderSheetItemQuery = graphql(`
  query OrderSheetItem($id: ID!) {
    serviceItem(id: $id) {
      id
      name
      category
      menu
      description
      fee
      provider
    }
  }
`);

const OrderMobileServiceMutation = graphql(`
  mutation OrderSheetOrder($input: OrderMobileServiceInput!) {
    orderMobileService(input: $input) {
      id
      status
      requestedAt
      ...OrderCard_DeliveryOrderFragment
    }
  }
`);

export interface PlacedOrder {
  id: string;
  requestedAt: string;
}

export function OrderSheet({
  itemId,
  center,
  changeCenterTo,
  onClose,
  onPlaced,
}: {
  itemId: string | null;
  center: HomeCenter;
  /** the page choosing another center, coming back to this sheet */
  changeCenterTo: string;
  onClose: () => void;
  onPlaced: (order: PlacedOrder, submittedAt: number) => void;
}) {
  return (
    <Popup
      visible={!!itemId}
      closeOnMaskClick
      onClose={onClose}
      destroyOnClose
      bodyClassName="order-sheet"
      position="bottom"
    >
      {itemId && (
        <OrderSheetBody
          itemId={itemId}
          center={center}
          changeCenterTo={changeCenterTo}
          onClose={onClose}
          onPlaced={onPlaced}
        />
      )}
    </Popup>
  );
}

function OrderSheetBody({
  itemId,
  center,
  changeCenterTo,
  onClose,
  onPlaced,
}: {
  itemId: string;
  center: HomeCenter;
  changeCenterTo: string;
  onClose: () => void;
  onPlaced: (order: PlacedOrder, submittedAt: number) => void;
}) {
  const { t, i18n } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const id = useId();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [{ data, fetching, error: loadError }, reexecute] = useQuery({
    query: OrderSheetItemQuery,
    variables: { id: itemId },
  });
  const [orderState, order] = useMutation(OrderMobileServiceMutation);

  const submit = async () => {
    if (orderState.fetching) return;
    setError(null);
    const submittedAt = Date.now();
    const result = await order({
      input: { serviceId: itemId, centerId: center.id, note: note.trim() || null },
    });
    const placed = result.data?.orderMobileService;
    if (result.error || !placed) {
      setError(result.error ? mutationErrorText(result.error, t, i18n.language) : t('common:error'));
      return;
    }
    onPlaced({ id: placed.id, requestedAt: placed.requestedAt }, submittedAt);
  };

  const item = data?.serviceItem;
  return (
    <div className="order-sheet-body" data-testid="order-sheet" role="dialog" aria-labelledby={`${id}-title`}>
      <div className="order-sheet-head">
        <h2 className="order-sheet-title" id={`${id}-title`}>
          {t('orderSheetTitle')}
        </h2>
        <button
          type="button"
          className="icon-button"
          aria-label={t('close')}
          data-testid="order-sheet-close"
          onClick={onClose}
        >
          <CloseOutline aria-hidden="true" />
        </button>
      </div>

      {fetching && !data ? (
        <LoadingView lines={2} />
      ) : loadError && !data ? (
        <ErrorView error={loadError} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : item ? (
        <div className="order-sheet-item" data-testid="order-sheet-item">
          <p className="order-sheet-item-name">{item.name}</p>
          <div className="tag-row">
            <Tag tone="primary">{label('category', item.category)}</Tag>
            <Tag>{label('menu', item.menu)}</Tag>
            {item.fee && <Tag tone="success">{item.fee}</Tag>}
          </div>
          {item.description && <p className="card-text">{item.description}</p>}
        </div>
      ) : (
        <ErrorView message={t('enum:error.NOT_FOUND')} />
      )}

      <div className="order-sheet-center">
        <span className="field-label">{t('orderDeliverTo')}</span>
        <div className="order-sheet-center-row">
          <span className="order-sheet-center-name" data-testid="order-center-name">
            {center.name}
          </span>
          <Link className="link-button" to={changeCenterTo} data-testid="order-center-change">
            {t('homeCenterChange')}
          </Link>
        </div>
        <span className="muted">{center.address}</span>
      </div>

      <label className="field-label" htmlFor={`${id}-note`}>
        {t('orderNoteLabel')}
      </label>
      <textarea
        id={`${id}-note`}
        className="big-textarea"
        rows={3}
        maxLength={ORDER_NOTE_MAX_LENGTH}
        placeholder={t('orderNotePlaceholder')}
        value={note}
        data-testid="order-note"
        onChange={(e) => setNote(e.target.value)}
      />
      <p className="char-count muted" aria-live="polite">
        {t('orderNoteCount', { count: note.length, max: ORDER_NOTE_MAX_LENGTH })}
      </p>

      {error && (
        <p className="form-error" role="alert" data-testid="order-error">
          {error}
        </p>
      )}

      <button
        type="button"
        className="big-button big-button-primary"
        disabled={orderState.fetching || !item}
        data-testid="order-submit"
        onClick={() => void submit()}
      >
        {orderState.fetching ? <InlineLoading label={t('orderSubmitting')} /> : t('orderSubmit')}
      </button>
    </div>
  );
}
