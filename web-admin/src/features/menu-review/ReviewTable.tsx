// Every item ordered in the year, most ordered first, paged on the client.
import { Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { graphql, useFragment, type FragmentType } from '../../gql';
import type { ReviewTable_MenuReviewItemFragmentFragment } from '../../gql/graphql';
import { EmptyState } from '../../ui/states';
import { MENU_COLORS } from '../menus/menuRules';
import { formatRating } from './reviewModel';

export const ReviewTable_MenuReviewItemFragment = graphql(`
  fragment ReviewTable_MenuReviewItemFragment on MenuReviewItem {
    rank
    menu
    orders
    residents
    deliveries
    ratings
    averageRating
    service {
      id
      name
      category
      promotedFrom
    }
  }
`);

type Row = ReviewTable_MenuReviewItemFragmentFragment;

export function ReviewTable({
  items,
  year,
}: {
  items: readonly FragmentType<typeof ReviewTable_MenuReviewItemFragment>[];
  year: number;
}) {
  const { t } = useTranslation();
  const rows = useFragment(ReviewTable_MenuReviewItemFragment, items) as readonly Row[];
  const columns: TableColumnsType<Row> = [
    { title: t('admin:reviewRank'), dataIndex: 'rank', key: 'rank', width: 72, align: 'right' },
    {
      title: t('admin:reviewItem'),
      key: 'item',
      render: (_, r) => (
        <div>
          <div>{r.service.name}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`enum:category.${r.service.category}`)}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('admin:reviewMenu'),
      key: 'menu',
      width: 150,
      render: (_, r) => (
        <div>
          <Tag color={MENU_COLORS[r.menu]} data-testid="review-row-menu">
            {t(`enum:menu.${r.menu}`)}
          </Tag>
          {r.service.promotedFrom && r.service.promotedFrom !== r.menu ? (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
              {t('admin:reviewPromotedFrom', { menu: t(`enum:menu.${r.service.promotedFrom}`) })}
            </Typography.Text>
          ) : null}
        </div>
      ),
    },
    { title: t('admin:reviewOrders'), dataIndex: 'orders', key: 'orders', width: 90, align: 'right' },
    {
      title: t('admin:reviewResidents'),
      dataIndex: 'residents',
      key: 'residents',
      width: 90,
      align: 'right',
    },
    {
      title: t('admin:reviewDeliveries'),
      dataIndex: 'deliveries',
      key: 'deliveries',
      width: 90,
      align: 'right',
    },
    { title: t('admin:reviewRatings'), dataIndex: 'ratings', key: 'ratings', width: 90, align: 'right' },
    {
      title: t('admin:reviewAverageRating'),
      key: 'rating',
      width: 110,
      align: 'right',
      render: (_, r) =>
        formatRating(r.averageRating) ?? (
          <Typography.Text type="secondary">{t('admin:reviewNotRated')}</Typography.Text>
        ),
    },
  ];
  return (
    <div data-testid="review-table">
      <Table<Row>
        rowKey={(r) => r.service.id}
        size="middle"
        columns={columns}
        dataSource={rows as Row[]}
        pagination={{
          defaultPageSize: 10,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          hideOnSinglePage: true,
        }}
        locale={{ emptyText: <EmptyState description={t('admin:reviewEmpty', { year })} /> }}
        onRow={(r) =>
          ({
            'data-testid': 'review-row',
            'data-service-name': r.service.name,
            'data-menu': r.menu,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </div>
  );
}
