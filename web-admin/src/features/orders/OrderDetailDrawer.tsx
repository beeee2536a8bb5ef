// One order: who ordered what for which center, the resident's note and rating, and the
// history of the order as a timeline.
import { Descriptions, Drawer, Tag, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { STATUS_COLORS, formatDateTime } from './ordersModel';

export const OrderDetailDrawer_DeliveryOrderFragment = graphql(`
  fragment OrderDetailDrawer_DeliveryOrderFragment on DeliveryOrder {
    id
    status
    note
    reason
    rating
    comment
    scheduledFor
    requestedAt
    deliveredAt
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

export function OrderDetailDrawer({
  order,
  onClose,
}: {
  order: FragmentType<typeof OrderDetailDrawer_DeliveryOrderFragment>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const o = useFragment(OrderDetailDrawer_DeliveryOrderFragment, order);
  const status = (s: string) => t(`enum:deliveryStatus.${s}`);

  return (
    <Drawer open onClose={onClose} title={t('admin:ordersDetailTitle')} size={520}>
      <div data-testid="order-detail">
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 24 }}>
          <Descriptions.Item label={t('admin:ordersItem')}>{o.service.name}</Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersCenter')}>{o.center.name}</Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersResident')}>
            {o.resident ? (
              <>
                {o.resident.displayName}{' '}
                <Typography.Text type="secondary">
                  {o.resident.phoneMasked ?? t('admin:ordersNoPhone')}
                </Typography.Text>
              </>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersStatus')}>
            <Tag color={STATUS_COLORS[o.status]} data-testid="order-detail-status">
              {status(o.status)}
            </Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersNote')}>{o.note ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersRequestedAt')}>
            {formatDateTime(o.requestedAt)}
          </Descriptions.Item>
          <Descriptions.Item label={t('admin:ordersScheduledFor')}>
            {formatDateTime(o.scheduledFor)}
          </Descriptions.Item>
          {o.deliveredAt ? (
            <Descriptions.Item label={t('admin:ordersDeliveredAt')}>
              {formatDateTime(o.deliveredAt)}
            </Descriptions.Item>
          ) : null}
          {o.reason ? (
            <Descriptions.Item label={t('admin:ordersReason')}>{o.reason}</Descriptions.Item>
          ) : null}
          {o.rating != null ? (
            <Descriptions.Item label={t('admin:ordersRating')}>
              {t('admin:ordersRatingValue', { rating: o.rating })}
            </Descriptions.Item>
          ) : null}
          {o.comment ? (
            <Descriptions.Item label={t('admin:ordersComment')}>{o.comment}</Descriptions.Item>
          ) : null}
        </Descriptions>
        <Typography.Title level={5}>{t('admin:ordersEvents')}</Typography.Title>
        <Timeline
          data-testid="order-events"
          items={o.events.map((e) => ({
            key: e.id,
            color: STATUS_COLORS[e.toStatus] === 'default' ? 'gray' : STATUS_COLORS[e.toStatus],
            content: (
              <div data-testid="order-event">
                <div>
                  <strong>
                    {e.fromStatus
                      ? t('admin:ordersEventMove', { from: status(e.fromStatus), to: status(e.toStatus) })
                      : t('admin:ordersEventPlaced')}
                  </strong>{' '}
                  <Typography.Text type="secondary">{formatDateTime(e.at)}</Typography.Text>
                </div>
                {e.scheduledFor ? (
                  <div>
                    {t('admin:ordersScheduledFor')}：{formatDateTime(e.scheduledFor)}
                  </div>
                ) : null}
                {e.reason ? <div>{e.reason}</div> : null}
                {e.rating != null ? <div>{t('admin:ordersRatingValue', { rating: e.rating })}</div> : null}
              </div>
            ),
          }))}
        />
      </div>
    </Drawer>
  );
}
