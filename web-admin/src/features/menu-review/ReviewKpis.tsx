// The year in five figures: orders, residents who ordered, deliveries, average rating and the
// mobile/featured items nobody ordered.
import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import { formatRating } from './reviewModel';

export const ReviewKpis_MenuReviewFragment = graphql(`
  fragment ReviewKpis_MenuReviewFragment on MenuReview {
    totalOrders
    totalResidents
    totalDeliveries
    averageRating
    unorderedItems
  }
`);

export function ReviewKpis({ review }: { review: FragmentType<typeof ReviewKpis_MenuReviewFragment> }) {
  const { t } = useTranslation();
  const r = useFragment(ReviewKpis_MenuReviewFragment, review);
  const rating = formatRating(r.averageRating);
  const cards = [
    { key: 'orders', title: t('admin:reviewTotalOrders'), value: r.totalOrders },
    { key: 'residents', title: t('admin:reviewTotalResidents'), value: r.totalResidents },
    { key: 'deliveries', title: t('admin:reviewTotalDeliveries'), value: r.totalDeliveries },
    { key: 'rating', title: t('admin:reviewAverageRating'), value: rating ?? t('admin:reviewNotRated') },
    { key: 'unordered', title: t('admin:reviewUnorderedItems'), value: r.unorderedItems },
  ];
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }} data-testid="review-kpis">
      {cards.map((c) => (
        <Col key={c.key} xs={12} md={8} xl={{ flex: '20%' }}>
          <Card size="small">
            <Statistic
              title={c.title}
              value={c.value}
              formatter={(v) => <span data-testid={`review-kpi-${c.key}`}>{v}</span>}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
