// One column of the three lists: a card with the list's title, total and buttons, and the rows
// of its loaded pages. `PageRows` draws one page: its loading or error state until it arrives,
// its rows, the empty state (first page) and the "load more" button (last page).
import { Button, Card, Empty, Flex, Skeleton, Typography } from 'antd';
import { Fragment, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import { ErrorState } from '../../ui/states';
import type { LoadedPage } from './useLoadMorePages';

export const PLANNING_PAGE_SIZE = 20;

export interface PageConnection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: N }[];
}

export function PageRows<N extends { id: string }>({
  page,
  fetching,
  error,
  retry,
  connection,
  emptyText,
  moreTestId,
  renderRow,
}: {
  page: LoadedPage;
  fetching: boolean;
  error: CombinedError | undefined;
  retry: () => void;
  connection: PageConnection<N> | undefined;
  emptyText: string;
  moreTestId: string;
  renderRow: (node: N) => ReactNode;
}) {
  const { t } = useTranslation();
  if (!connection && fetching)
    return <Skeleton active paragraph={{ rows: page.isFirst ? 4 : 2 }} style={{ padding: 12 }} />;
  if (!connection && error) return <ErrorState error={error} onRetry={retry} />;
  if (!connection) return null;
  const { edges, pageInfo, totalCount } = connection;
  return (
    <>
      {page.isFirst && edges.length > 0 ? (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, padding: '0 4px 8px' }}>
          {t('admin:planningTotal', { count: totalCount })}
        </Typography.Text>
      ) : null}
      {page.isFirst && edges.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={emptyText} data-testid="empty-state" />
      ) : null}
      {edges.map((e) => (
        <Fragment key={e.node.id}>{renderRow(e.node)}</Fragment>
      ))}
      {page.isLast && pageInfo.hasNextPage && pageInfo.endCursor ? (
        <Flex justify="center" style={{ paddingTop: 8 }}>
          <Button
            loading={fetching}
            onClick={() => pageInfo.endCursor && page.loadMore(pageInfo.endCursor)}
            data-testid={moreTestId}
          >
            {t('admin:planningLoadMore')}
          </Button>
        </Flex>
      ) : null}
    </>
  );
}

export function PlanningColumn({
  title,
  subtitle,
  extra,
  testId,
  children,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      title={
        <Flex vertical gap={0} style={{ padding: '6px 0' }}>
          <span>{title}</span>
          {subtitle ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {subtitle}
            </Typography.Text>
          ) : null}
        </Flex>
      }
      extra={
        extra ? (
          <Flex gap={6} wrap justify="flex-end">
            {extra}
          </Flex>
        ) : null
      }
      styles={{ body: { padding: 8 } }}
      style={{ height: '100%' }}
    >
      <div data-testid={testId}>{children}</div>
    </Card>
  );
}

/** A row of a list: clickable when it opens something. */
export function ListRow({
  children,
  onClick,
  ...data
}: {
  children: ReactNode;
  onClick?: () => void;
  'data-testid': string;
  [attr: `data-${string}`]: string | undefined;
}) {
  return (
    <div
      {...data}
      role={onClick ? 'button' : undefined}
      tabIndex={onClick ? 0 : undefined}
      onClick={onClick}
      onKeyDown={
        onClick
          ? (e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onClick();
              }
            }
          : undefined
      }
      className="planning-row"
      style={{
        padding: '10px 8px',
        borderBottom: '1px solid #f0f0f0',
        cursor: onClick ? 'pointer' : undefined,
      }}
    >
      {children}
    </div>
  );
}
