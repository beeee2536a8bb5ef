import type { ReactNode } from 'react';

/** A large toggle chip for filters and category tabs. */
export function Chip({
  active,
  onClick,
  children,
  testId,
  value,
}: {
  active: boolean;
  onClick: () => void;
  children: ReactNode;
  testId?: string;
  value?: string;
}) {
  return (
    <button
      type="button"
      role="tab"
      aria-selected={active}
      className={`chip${active ? ' is-active' : ''}`}
      onClick={onClick}
      data-testid={testId}
      data-value={value}
    >
      {children}
    </button>
  );
}
