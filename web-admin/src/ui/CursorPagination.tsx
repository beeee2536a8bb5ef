// Previous / next paging under a list of one cursor connection, with the total and a page
// size selector. The pager state (a stack of `after` cursors) belongs to the caller.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  PAGE_SIZES,
  pageCount,
  pageNumber,
  rowRange,
  type CursorPagerAction,
  type CursorPagerState,
} from './cursorPager';

/** What the pager reads of a connection: its size and whether there is a next page. */
export interface PagedConnection {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

export function CursorPagination({
  pager,
  dispatch,
  connection,
  rowCount,
  disabled,
  testIdPrefix = 'pager',
}: {
  pager: CursorPagerState;
  dispatch: (action: CursorPagerAction) => void;
  /** the current page's connection; undefined while none has arrived */
  connection: PagedConnection | null | undefined;
  /** rows shown on the current page */
  rowCount: number;
  disabled?: boolean;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const totalCount = connection?.totalCount ?? 0;
  const page = pageNumber(pager);
  const range = rowRange(pager, rowCount);
  const hasNext = Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor);
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid={`${testIdPrefix}-total`}>
        {t('admin:pagerRange', { from: range[0], to: range[1], total: totalCount })}
      </Typography.Text>
      <Flex align="center" gap={8}>
        <Button
          icon={<LeftOutlined />}
          disabled={page <= 1 || disabled}
          onClick={() => dispatch({ type: 'prev' })}
          data-testid={`${testIdPrefix}-prev`}
        >
          {t('admin:pagerPrev')}
        </Button>
        <Typography.Text data-testid={`${testIdPrefix}-page`}>
          {t('admin:pagerPage', { page, pages: pageCount(totalCount, pager.pageSize) })}
        </Typography.Text>
        <Button
          disabled={!hasNext || disabled}
          onClick={() => dispatch({ type: 'next', endCursor: connection?.pageInfo.endCursor })}
          data-testid={`${testIdPrefix}-next`}
        >
          {t('admin:pagerNext')} <RightOutlined />
        </Button>
        <Select
          value={pager.pageSize}
          onChange={(size: number) => dispatch({ type: 'pageSize', pageSize: size })}
          style={{ width: 120 }}
          virtual={false}
          data-testid={`${testIdPrefix}-size`}
          options={PAGE_SIZES.map((n) => ({ value: n, label: t('admin:pagerPageSize', { size: n }) }))}
        />
      </Flex>
    </Flex>
  );
}
