// Page frame: title row with optional actions, then content.
import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function Page({
  title,
  extra,
  children,
  breadcrumb,
}: {
  title: ReactNode;
  extra?: ReactNode;
  breadcrumb?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div>
      {breadcrumb}
      <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra ? <Flex gap={8}>{extra}</Flex> : null}
      </Flex>
      {children}
    </div>
  );
}
