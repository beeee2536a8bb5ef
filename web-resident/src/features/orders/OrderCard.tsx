// One order in 我的点单: item, status, center, times (the delivery date large), the reason of a
// rejection or cancellation, the resident's rating, the actions the API offers now
// (viewerTransitions: cancel, rate) and the order's history.
import { ORDER_NOTE_MAX_LENGTH, RATING_MAX } from '@lc/domain';
import { Rate } from 'antd-mobile';
import { DownOutline, UpOutline } from 'antd-mobile-icons';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type FragmentType, graphql, useFragment } from '../../gql';
import type { DeliveryStatus } from '../../gql/graphql';
import { NAMESPACES } from '../../i18n';
import { InlineLoading } from '../../ui/StateViews';
import { Tag } from '../../ui/Tag';
import { useEnumLabel } from '../../ui/use-labels';
import { ConfirmDialog } from '../account/ConfirmDialog';
import { formatOrderTime, reasonLabelKey, statusTone } from './order-format';
import '../account/account.css';
import './orders.css';

export const OrderCard_DeliveryOrderFragment = graphql(`
  fragment OrderCard_DeliveryOrderFragment on DeliveryOrder {
    id
    status
    scheduledFor
    reason
    rating
    comment
    note
    requestedAt
    deliveredAt
    viewerTransitions
    service {
      id
      name
      category
      menu
    }
    center {
      id
      name
      address
    }
    events {
      id
      fromStatus
      toStatus
      at
      reason
      scheduledFor
      rating
    }
  }
`);

/** Resolves to an error message to show, or null when the change went through. */
export type OrderAction<A extends unknown[]> = (...args: A) => Promise<string | null>;

export function StatusTag({ status }: { status: DeliveryStatus }) {
  const { t } = useTranslation(NAMESPACES);
  return (
    <span className={`status-tag tone-${statusTone(status)}`} data-testid="order-status" data-status={status}>
      {t(`enum:deliveryStatus.${status}`)}
    </span>
  );
}

export function OrderCard({
  order: orderRef,
  highlight,
  onCancel,
  onRate,
}: {
  order: FragmentType<typeof OrderCard_DeliveryOrderFragment>;
  /** the order just placed */
  highlight?: boolean;
  onCancel: OrderAction<[id: string, reason: string]>;
  onRate: OrderAction<[id: string, rating: number, comment: string]>;
}) {
  const order = useFragment(OrderCard_DeliveryOrderFragment, orderRef);
  const { t, i18n } = useTranslation(NAMESPACES);
  const label = useEnumLabel();
  const locale = i18n.language;
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  const [rating, setRating] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const historyId = useId();

  const canCancel = order.viewerTransitions.includes('CANCELLED');
  const canRate = order.viewerTransitions.includes('RATED');
  const reasonKey = reasonLabelKey(order.status);
  const scheduled = formatOrderTime(order.scheduledFor, locale);

  const doCancel = async () => {
    const error = await onCancel(order.id, cancelReason.trim());
    setConfirmCancel(false);
    setActionError(error);
    if (!error) setCancelReason('');
  };

  return (
    <li
      className={`card order-card tone-border-${statusTone(order.status)}${highlight ? ' is-new' : ''}`}
      data-testid="order-item"
      data-status={order.status}
      data-order-id={order.id}
    >
      <div className="order-card-head">
        <h3 className="card-title order-card-title">{order.service.name}</h3>
        <StatusTag status={order.status} />
      </div>
      <div className="tag-row">
        <Tag tone="primary">{label('category', order.service.category)}</Tag>
        <Tag>{label('menu', order.service.menu)}</Tag>
      </div>

      {scheduled && (
        <p className="order-scheduled" data-testid="order-scheduled-for">
          {t('orderScheduledFor', { time: scheduled })}
        </p>
      )}

      <dl className="info-list info-list-compact">
        <div className="info-row">
          <dt className="info-label">{t('orderCenterLabel')}</dt>
          <dd className="info-value" data-testid="order-center">
            {order.center.name}
            <span className="order-center-address">{order.center.address}</span>
          </dd>
        </div>
        <div className="info-row">
          <dt className="info-label">{t('orderRequestedAt')}</dt>
          <dd className="info-value" data-testid="order-requested-at">
            {formatOrderTime(order.requestedAt, locale)}
          </dd>
        </div>
        {order.deliveredAt && (
          <div className="info-row">
            <dt className="info-label">{t('orderDeliveredAt')}</dt>
            <dd className="info-value">{formatOrderTime(order.deliveredAt, locale)}</dd>
          </div>
        )}
        {order.note && (
          <div className="info-row">
            <dt className="info-label">{t('orderNote')}</dt>
            <dd className="info-value" data-testid="order-note-text">
              {order.note}
            </dd>
          </div>
        )}
      </dl>

      {reasonKey && order.reason && (
        <p className={`order-reason reason-${order.status.toLowerCase()}`} data-testid="order-reason">
          {t(reasonKey, { reason: order.reason })}
        </p>
      )}

      {order.rating != null && (
        <div className="order-rating" data-testid="order-rating" data-rating={order.rating}>
          <span className="info-label">{t('orderMyRating')}</span>
          <Rate readOnly value={order.rating} count={RATING_MAX} className="order-rating-stars" />
          <span className="visually-hidden">{t('rateValue', { count: order.rating })}</span>
          {order.comment && <p className="order-comment">{order.comment}</p>}
        </div>
      )}

      {actionError && (
        <p className="form-error" role="alert" data-testid="order-action-error">
          {actionError}
        </p>
      )}

      {(canCancel || canRate) && !rating && (
        <div className="order-actions">
          {canRate && (
            <button
              type="button"
              className="big-button big-button-primary"
              data-testid="order-rate"
              onClick={() => {
                setActionError(null);
                setRating(true);
              }}
            >
              {t('orderRate')}
            </button>
          )}
          {canCancel && (
            <button
              type="button"
              className="big-button big-button-danger"
              data-testid="order-cancel"
              onClick={() => {
                setActionError(null);
                setConfirmCancel(true);
              }}
            >
              {t('orderCancel')}
            </button>
          )}
        </div>
      )}

      {rating && canRate && (
        <RateForm
          onSubmit={async (stars, comment) => {
            const error = await onRate(order.id, stars, comment);
            if (!error) setRating(false);
            return error;
          }}
          onClose={() => setRating(false)}
        />
      )}

      {order.events.length > 0 && (
        <div className="order-history">
          <button
            type="button"
            className="link-button order-history-toggle"
            aria-expanded={historyOpen}
            aria-controls={historyId}
            data-testid="order-history-toggle"
            onClick={() => setHistoryOpen((v) => !v)}
          >
            {historyOpen ? t('orderHistoryHide') : t('orderHistoryShow')}
            {historyOpen ? <UpOutline aria-hidden="true" /> : <DownOutline aria-hidden="true" />}
          </button>
          {historyOpen && (
            <ol id={historyId} className="order-events" data-testid="order-history">
              {order.events.map((e) => (
                <li key={e.id} className="order-event" data-testid="order-event" data-status={e.toStatus}>
                  <span className="order-event-time">{formatOrderTime(e.at, locale)}</span>
                  <span className="order-event-status">
                    {e.fromStatus ? t(`enum:deliveryStatus.${e.toStatus}`) : t('orderEventPlaced')}
                  </span>
                  {e.scheduledFor && (
                    <span className="order-event-detail">
                      {t('orderEventScheduled', { time: formatOrderTime(e.scheduledFor, locale) })}
                    </span>
                  )}
                  {e.rating != null && (
                    <span className="order-event-detail">{t('orderEventRating', { count: e.rating })}</span>
                  )}
                  {e.reason && <span className="order-event-detail order-event-reason">{e.reason}</span>}
                </li>
              ))}
            </ol>
          )}
        </div>
      )}

      <ConfirmDialog
        visible={confirmCancel}
        title={t('orderCancelConfirm')}
        content={
          <div className="dialog-field">
            <p className="dialog-item-name">{order.service.name}</p>
            <label className="field-label" htmlFor={`${historyId}-reason`}>
              {t('orderCancelReasonLabel')}
            </label>
            <textarea
              id={`${historyId}-reason`}
              className="big-textarea"
              rows={2}
              maxLength={ORDER_NOTE_MAX_LENGTH}
              value={cancelReason}
              data-testid="order-cancel-reason"
              onChange={(e) => setCancelReason(e.target.value)}
            />
          </div>
        }
        okText={t('orderCancel')}
        cancelText={t('orderCancelKeep')}
        danger
        onOk={doCancel}
        onCancel={() => setConfirmCancel(false)}
      />
    </li>
  );
}

/** The stars after a key press on the rating (arrows step, a digit picks), or null for other keys. */
export function starsForKey(key: string, current: number): number | null {
  if (key === 'ArrowRight' || key === 'ArrowUp') return Math.min(RATING_MAX, current + 1);
  if (key === 'ArrowLeft' || key === 'ArrowDown') return Math.max(1, current - 1);
  const digit = Number(key);
  if (/^\d$/.test(key) && digit >= 1 && digit <= RATING_MAX) return digit;
  return null;
}

/** 1–5 stars (required) and an optional comment. */
export function RateForm({
  onSubmit,
  onClose,
}: {
  onSubmit: (stars: number, comment: string) => Promise<string | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation(NAMESPACES);
  const [stars, setStars] = useState(0);
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const id = useId();
  const choose = (value: number) => {
    setStars(value);
    setError(null);
  };

  const submit = async () => {
    if (sending) return;
    if (stars < 1) {
      setError(t('rateNeedStars'));
      return;
    }
    setSending(true);
    setError(null);
    const failure = await onSubmit(stars, comment.trim());
    setSending(false);
    if (failure) setError(failure);
  };

  return (
    <form
      className="rate-form"
      data-testid="rate-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <p className="rate-title">{t('rateTitle')}</p>
      <div className="rate-row">
        <span className="visually-hidden" id={`${id}-stars`}>
          {t('rateStarsLabel')}
        </span>
        {/* antd-mobile's Rate reads taps from touch events only on touch devices; the wrapper also
            takes plain clicks (the star's aria-label is its value) and the arrow and digit keys */}
        <div
          className="rate-stars-box"
          data-testid="rate-stars"
          data-value={stars}
          // capture: the Rate's own gesture handler stops clicks it did not see as a tap
          onClickCapture={(e) => {
            const star = (e.target as Element).closest('[role="radio"]');
            const value = Number(star?.getAttribute('aria-label'));
            if (Number.isInteger(value) && value >= 1 && value <= RATING_MAX) choose(value);
          }}
          onKeyDown={(e) => {
            const next = starsForKey(e.key, stars);
            if (next !== null) {
              e.preventDefault();
              choose(next);
            }
          }}
        >
          <Rate
            value={stars}
            count={RATING_MAX}
            allowClear={false}
            onChange={choose}
            className="rate-stars"
            tabIndex={0}
            aria-labelledby={`${id}-stars`}
          />
        </div>
        <span className="rate-value" aria-live="polite" data-testid="rate-value">
          {stars > 0 ? t('rateValue', { count: stars }) : ''}
        </span>
      </div>
      <label className="field-label" htmlFor={`${id}-comment`}>
        {t('rateCommentLabel')}
      </label>
      <textarea
        id={`${id}-comment`}
        className="big-textarea"
        rows={3}
        maxLength={ORDER_NOTE_MAX_LENGTH}
        placeholder={t('rateCommentPlaceholder')}
        value={comment}
        data-testid="rate-comment"
        onChange={(e) => setComment(e.target.value)}
      />
      <p className="char-count muted">
        {t('orderNoteCount', { count: comment.length, max: ORDER_NOTE_MAX_LENGTH })}
      </p>
      {error && (
        <p className="form-error" role="alert" data-testid="rate-error">
          {error}
        </p>
      )}
      <div className="order-actions">
        <button
          type="submit"
          className="big-button big-button-primary"
          disabled={sending}
          data-testid="rate-submit"
        >
          {sending ? <InlineLoading /> : t('rateSubmit')}
        </button>
        <button type="button" className="big-button" onClick={onClose} data-testid="rate-close">
          {t('common:cancel')}
        </button>
      </div>
    </form>
  );
}
