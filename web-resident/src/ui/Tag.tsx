import type { ReactNode } from 'react';

export function Tag({
  children,
  tone = 'default',
}: {
  children: ReactNode;
  tone?: 'default' | 'primary' | 'success';
}) {
  return <span className={`tag tag-${tone}`}>{children}</span>;
}
