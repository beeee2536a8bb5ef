// 需求清单: the demands of the street (or one community), newest first, a page at a time.
// Clicking one opens its drawer with the matching panel.
import { LikeOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../../gql';
import type { DemandFilter } from '../../gql/graphql';
import { formatDateTime } from '../orders/ordersModel';
import { CATEGORY_COLORS, DEMAND_STATUS_COLORS } from './planningModel';
import { ListRow, PLANNING_PAGE_SIZE, PageRows } from './PlanningColumn';
import { useLoadMorePages, type LoadedPage } from './useLoadMorePages';

const DemandListQuery = graphql(`
  query PlanningDemands($filter: DemandFilter!, $first: Int!, $after: String) {
    demands(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          title
          category
          source
          status
          seconds
          createdAt
          community {
            id
            name
          }
        }
      }
    }
  }
`);

// Lists refetch when any demand changes (also while they are empty).
const CONTEXT = { additionalTypenames: ['Demand', 'Project'] };

function DemandPage({
  page,
  filter,
  onOpen,
}: {
  page: LoadedPage;
  filter: DemandFilter;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DemandListQuery,
    variables: { filter, first: PLANNING_PAGE_SIZE, after: page.after },
    context: CONTEXT,
  });
  return (
    <PageRows
      page={page}
      fetching={fetching}
      error={error}
      retry={() => reexecute({ requestPolicy: 'network-only' })}
      connection={data?.demands}
      emptyText={t('admin:planningNoDemands')}
      moreTestId="demand-list-more"
      renderRow={(d) => (
        <ListRow
          data-testid="demand-row"
          data-title={d.title}
          data-status={d.status}
          onClick={() => onOpen(d.id)}
        >
          <Flex justify="space-between" gap={8} align="flex-start">
            <Typography.Text strong style={{ flex: 1 }}>
              {d.title}
            </Typography.Text>
            <Tag color={DEMAND_STATUS_COLORS[d.status]} style={{ marginInlineEnd: 0 }}>
              {t(`enum:demandStatus.${d.status}`)}
            </Tag>
          </Flex>
          <Flex gap={6} wrap align="center" style={{ marginTop: 6, fontSize: 12 }}>
            <Tag color={CATEGORY_COLORS[d.category]} style={{ marginInlineEnd: 0 }}>
              {t(`enum:category.${d.category}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {d.community.name}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              · {t(`enum:demandSource.${d.source}`)}
            </Typography.Text>
            {d.seconds > 0 ? (
              <Typography.Text style={{ fontSize: 12, color: '#fa8c16' }} data-testid="demand-seconds">
                <LikeOutlined /> +{d.seconds}
              </Typography.Text>
            ) : null}
            <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 'auto' }}>
              {formatDateTime(d.createdAt)}
            </Typography.Text>
          </Flex>
        </ListRow>
      )}
    />
  );
}

export function DemandList({ filter, onOpen }: { filter: DemandFilter; onOpen: (id: string) => void }) {
  const pages = useLoadMorePages();
  return (
    <>
      {pages.map((p) => (
        <DemandPage key={p.after ?? 'first'} page={p} filter={filter} onOpen={onOpen} />
      ))}
    </>
  );
}
