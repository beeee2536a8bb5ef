// Previous / next paging for cursor connections, with the total and a page size selector.
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { PAGE_SIZES } from './cursorPager';

export function CursorPagination({
  page,
  pageCount,
  totalCount,
  range,
  pageSize,
  hasPrev,
  hasNext,
  disabled,
  onPrev,
  onNext,
  onPageSize,
  testIdPrefix = 'pager',
}: {
  page: number;
  pageCount: number;
  totalCount: number;
  range: [number, number];
  pageSize: number;
  hasPrev: boolean;
  hasNext: boolean;
  disabled?: boolean;
  onPrev: () => void;
  onNext: () => void;
  onPageSize: (size: number) => void;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid={`${testIdPrefix}-total`}>
        {t('admin:pagerRange', { from: range[0], to: range[1], total: totalCount })}
      </Typography.Text>
      <Flex align="center" gap={8}>
        <Button
          icon={<LeftOutlined />}
          disabled={!hasPrev || disabled}
          onClick={onPrev}
          data-testid={`${testIdPrefix}-prev`}
        >
          {t('admin:pagerPrev')}
        </Button>
        <Typography.Text data-testid={`${testIdPrefix}-page`}>
          {t('admin:pagerPage', { page, pages: pageCount })}
        </Typography.Text>
        <Button disabled={!hasNext || disabled} onClick={onNext} data-testid={`${testIdPrefix}-next`}>
          {t('admin:pagerNext')} <RightOutlined />
        </Button>
        <Select
          value={pageSize}
          onChange={onPageSize}
          style={{ width: 120 }}
          virtual={false}
          data-testid={`${testIdPrefix}-size`}
          options={PAGE_SIZES.map((n) => ({ value: n, label: t('admin:pagerPageSize', { size: n }) }))}
        />
      </Flex>
    </Flex>
  );
}
