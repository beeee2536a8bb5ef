// 建议纳入区级清单: the most wanted, best rated mobile and featured items the district menu lacks,
// with why; the district office promotes one with a confirmation.
import { REVIEW_MIN_AVERAGE_RATING, REVIEW_MIN_RESIDENTS } from '@lc/domain';
import { Button, Card, Flex, Popconfirm, Tag, Typography } from 'antd';
import type { ButtonProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { ReviewProposals_MenuReviewItemFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';
import { localizeBilingual } from '../orders/bilingual';
import { MENU_COLORS } from '../menus/menuRules';
import { formatRating } from './reviewModel';

export const ReviewProposals_MenuReviewItemFragment = graphql(`
  fragment ReviewProposals_MenuReviewItemFragment on MenuReviewItem {
    rank
    menu
    orders
    residents
    averageRating
    proposalReason
    service {
      id
      name
      category
    }
  }
`);

type Proposal = ReviewProposals_MenuReviewItemFragmentFragment;

export function ReviewProposals({
  proposals,
  canPromote,
  promotingId,
  onPromote,
}: {
  proposals: readonly FragmentType<typeof ReviewProposals_MenuReviewItemFragment>[];
  canPromote: boolean;
  promotingId: string | null;
  onPromote: (serviceId: string, name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const items = useFragment(ReviewProposals_MenuReviewItemFragment, proposals) as readonly Proposal[];
  return (
    <Card size="small" title={t('admin:reviewProposalsTitle')} style={{ height: '100%' }}>
      <div data-testid="review-proposals">
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          {t('admin:reviewProposalsHint', {
            residents: REVIEW_MIN_RESIDENTS,
            rating: REVIEW_MIN_AVERAGE_RATING,
          })}
        </Typography.Paragraph>
        {items.length === 0 ? (
          <EmptyState description={t('admin:reviewProposalsEmpty')} />
        ) : (
          <Flex vertical>
            {items.map((p, i) => (
              <Flex
                key={p.service.id}
                data-testid="review-proposal"
                data-service-name={p.service.name}
                justify="space-between"
                align="center"
                gap={12}
                style={{ padding: '10px 0', borderTop: i === 0 ? undefined : '1px solid #f0f0f0' }}
              >
                <div style={{ minWidth: 0 }}>
                  <Flex gap={8} align="center" wrap>
                    <Typography.Text strong>{p.service.name}</Typography.Text>
                    <Tag color={MENU_COLORS[p.menu]}>{t(`enum:menu.${p.menu}`)}</Tag>
                  </Flex>
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                    {t('admin:reviewResidents')} {p.residents} · {t('admin:reviewOrders')} {p.orders} ·{' '}
                    {t('admin:reviewAverageRating')}{' '}
                    {formatRating(p.averageRating) ?? t('admin:reviewNotRated')}
                  </Typography.Text>
                  <Typography.Text
                    style={{ display: 'block', fontSize: 13 }}
                    data-testid="review-proposal-reason"
                  >
                    {localizeBilingual(p.proposalReason, i18n.language)}
                  </Typography.Text>
                </div>
                {canPromote ? (
                  <Popconfirm
                    title={t('admin:reviewPromoteConfirm', { name: p.service.name })}
                    description={t('admin:reviewPromoteConfirmBody')}
                    okText={t('common:confirm')}
                    cancelText={t('common:cancel')}
                    okButtonProps={{ 'data-testid': 'review-promote-confirm' } as ButtonProps}
                    cancelButtonProps={{ 'data-testid': 'review-promote-cancel' } as ButtonProps}
                    onConfirm={() => onPromote(p.service.id, p.service.name)}
                  >
                    <Button
                      size="small"
                      type="primary"
                      loading={promotingId === p.service.id}
                      disabled={promotingId !== null && promotingId !== p.service.id}
                      data-testid="review-promote"
                    >
                      {t('admin:reviewPromote')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Flex>
            ))}
          </Flex>
        )}
      </div>
    </Card>
  );
}
